import { BulkSelection } from '@/components/bulk/bulk-selection';
import { DiskFilters } from '@/components/disks/disk-filters';
import { DiskTable } from '@/components/disks/disk-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PagedList } from '@/components/ui/paged-list';
import type { SearchParamsRecord } from '@/components/ui/pagination';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { ownersForControls } from '@/lib/team/owners';
import { getDiskPage } from '@/lib/dal/disks';
import { isDiskListFiltered, type DiskListQuery } from '@/lib/validation/disk-list-query';

export async function DiskListSection({
  query,
  searchParams,
}: {
  query: DiskListQuery;
  searchParams: SearchParamsRecord;
}) {
  const { conn, principal } = await requireSession();
  const [loaded, owners] = await Promise.all([
    load(() => getDiskPage(conn, query)),
    ownersForControls(principal, 'disk'),
  ]);
  if (!loaded.ok)
    return <ErrorPanel title="The disk list could not load" message={loaded.message} />;
  const data = loaded.data;
  // The selection (and a bulk run's results) stays mounted when the list empties under it: a
  // bulk delete of every row keeps showing how each one ended.
  return (
    <BulkSelection
      kind="disk"
      items={data.rows.map((row) => ({
        id: row.id,
        name: row.name,
        ownerId: owners?.get(row.id) ?? null,
      }))}
    >
      <PagedList
        pathname="/disks"
        searchParams={searchParams}
        list={data}
        filtered={isDiskListFiltered(query)}
        filters={<DiskFilters query={query} datacenters={data.datacenters} />}
        noun="disk"
        whenEmpty={{
          title: 'No disks yet',
          description:
            'Every VM has a system disk; extra data disks, copies and snapshots appear here too. Create an empty disk or one from an image or another disk.',
          action: { href: '/disks/new', label: 'Create a disk' },
        }}
      >
        <DiskTable rows={data.rows} caption={`Disks, page ${data.page}`} />
      </PagedList>
    </BulkSelection>
  );
}
