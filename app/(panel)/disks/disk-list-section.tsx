import { BulkSelection } from '@/components/bulk/bulk-selection';
import { DiskFilters } from '@/components/disks/disk-filters';
import { DiskTable } from '@/components/disks/disk-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Pagination, type SearchParamsRecord } from '@/components/ui/pagination';
import { requireSession } from '@/lib/dal/auth';
import { getDiskPage } from '@/lib/dal/disks';
import { load } from '@/lib/dal/load';
import type { DiskListQuery } from '@/lib/validation/disk-list-query';

export async function DiskListSection({
  query,
  searchParams,
}: {
  query: DiskListQuery;
  searchParams: SearchParamsRecord;
}) {
  const { conn } = await requireSession();
  const loaded = await load(() => getDiskPage(conn, query));
  if (!loaded.ok) {
    return <ErrorPanel title="The disk list could not load" message={loaded.message} />;
  }
  const data = loaded.data;
  const filtered = Boolean(query.type || query.dc || query.q);
  if (data.total === 0 && !filtered) {
    return (
      <EmptyState
        title="No disks yet"
        description="Every VM has a system disk; extra data disks, copies and snapshots appear here too. Create an empty disk or one from an image or another disk."
        action={{ href: '/disks/new', label: 'Create a disk' }}
      />
    );
  }
  const pagination = (
    <Pagination
      pathname="/disks"
      searchParams={searchParams}
      page={data.page}
      pageSize={data.pageSize}
      total={data.total}
    />
  );
  return (
    <>
      <DiskFilters query={query} datacenters={data.datacenters} />
      {data.rows.length === 0 ? (
        <>
          <EmptyState
            title={data.total === 0 ? 'No disk matches these filters' : 'This page is past the end'}
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
            kind="disk"
            items={data.rows.map((row) => ({ id: row.id, name: row.name }))}
          >
            <DiskTable rows={data.rows} caption={`Disks, page ${data.page}`} />
          </BulkSelection>
          {pagination}
        </>
      )}
    </>
  );
}
