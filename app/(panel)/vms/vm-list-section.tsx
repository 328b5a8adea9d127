import { BulkSelection } from '@/components/bulk/bulk-selection';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Pagination, type SearchParamsRecord } from '@/components/ui/pagination';
import { VmFilters } from '@/components/vms/vm-filters';
import { VmTable } from '@/components/vms/vm-table';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getVmPage } from '@/lib/dal/vms';
import type { VmListQuery } from '@/lib/validation/vm';

export async function VmListSection({
  query,
  searchParams,
}: {
  query: VmListQuery;
  searchParams: SearchParamsRecord;
}) {
  const { conn } = await requireSession();
  const loaded = await load(() => getVmPage(conn, query));
  if (!loaded.ok) return <ErrorPanel title="The VM list could not load" message={loaded.message} />;
  const data = loaded.data;
  const filtered = Boolean(query.state || query.dc || query.q);
  if (data.total === 0 && !filtered) {
    return (
      <EmptyState
        title="No virtual machines yet"
        description="Create one from an image in a few steps: pick a datacenter, an image, a size and how you will log in."
        action={{ href: '/vms/new', label: 'Create a VM' }}
      />
    );
  }
  const pagination = (
    <Pagination
      pathname="/vms"
      searchParams={searchParams}
      page={data.page}
      pageSize={data.pageSize}
      total={data.total}
    />
  );
  return (
    <>
      <VmFilters query={query} datacenters={data.datacenters} />
      {data.rows.length === 0 ? (
        <>
          <EmptyState
            title={data.total === 0 ? 'No VM matches these filters' : 'This page is past the end'}
            description={
              data.total === 0
                ? 'Change or clear the filters to see more.'
                : 'Go back to an earlier page.'
            }
          />
          {data.total > 0 ? pagination : null}
        </>
      ) : (
        <>
          <BulkSelection
            kind="vm"
            items={data.rows.map((row) => ({ id: row.id, name: row.hostname }))}
          >
            <VmTable rows={data.rows} caption={`Virtual machines, page ${data.page}`} />
          </BulkSelection>
          {pagination}
        </>
      )}
    </>
  );
}
