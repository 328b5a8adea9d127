import { BulkSelection } from '@/components/bulk/bulk-selection';
import { IpFilters } from '@/components/network/ip-filters';
import { IpTable } from '@/components/network/ip-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Pagination, type SearchParamsRecord } from '@/components/ui/pagination';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getIpPage } from '@/lib/dal/network';
import type { IpListQuery } from '@/lib/validation/network';

export async function IpListSection({
  query,
  searchParams,
}: {
  query: IpListQuery;
  searchParams: SearchParamsRecord;
}) {
  const { conn } = await requireSession();
  const loaded = await load(() => getIpPage(conn, query));
  if (!loaded.ok) return <ErrorPanel title="The IP list could not load" message={loaded.message} />;
  const data = loaded.data;
  const filtered = Boolean(query.version || query.type || query.dc || query.vm);
  if (data.total === 0 && !filtered) {
    return (
      <EmptyState
        title="No IP addresses yet"
        description="Every VM gets one when it is created. You can also create a public IP on its own and attach it to a VM later."
        action={{ href: '/network/new', label: 'Create a public IP' }}
      />
    );
  }
  const pagination = (
    <Pagination
      pathname="/network"
      searchParams={searchParams}
      page={data.page}
      pageSize={data.pageSize}
      total={data.total}
    />
  );
  return (
    <>
      <IpFilters query={query} datacenters={data.datacenters} />
      {data.rows.length === 0 ? (
        <>
          <EmptyState
            title={data.total === 0 ? 'No IP matches these filters' : 'This page is past the end'}
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
            kind="ip"
            items={data.rows.map((row) => ({ id: row.id, name: row.ip ?? `IP #${row.id}` }))}
          >
            <IpTable rows={data.rows} caption={`IP addresses, page ${data.page}`} />
          </BulkSelection>
          {pagination}
        </>
      )}
    </>
  );
}
