import type { Metadata } from 'next';
import { DatacenterStatusBadge } from '@/components/datacenters/datacenter-status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { requireSession } from '@/lib/dal/auth';
import { listDatacenters } from '@/lib/dal/catalog';
import { load } from '@/lib/dal/load';

export const metadata: Metadata = { title: 'Datacenters' };

export default async function DatacentersPage() {
  const { conn } = await requireSession();
  const result = await load(() => listDatacenters(conn));
  return (
    <>
      <PageHeader
        title="Datacenters"
        description="Where servers can run. A closing datacenter accepts no new customers and closes on the date shown."
      />
      {!result.ok ? (
        <ErrorPanel title="Datacenters unavailable" message={result.message} />
      ) : result.data.length === 0 ? (
        <EmptyState title="No datacenters" description="This endpoint lists no datacenter." />
      ) : (
        <Table caption="Datacenters">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Code</Th>
              <Th>Country</Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <tbody>
            {result.data.map((dc) => (
              <tr key={dc.id}>
                <Td className="font-medium">{dc.name}</Td>
                <Td className="font-mono">{dc.dcCode ?? '—'}</Td>
                <Td>
                  {dc.country} <span className="text-zinc-600 dark:text-zinc-400">({dc.iso})</span>
                </Td>
                <Td>
                  <DatacenterStatusBadge dc={dc} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
