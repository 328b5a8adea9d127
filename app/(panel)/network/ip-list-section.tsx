import { BulkSelection } from '@/components/bulk/bulk-selection';
import { IpFilters } from '@/components/network/ip-filters';
import { IpTable } from '@/components/network/ip-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PagedList } from '@/components/ui/paged-list';
import type { SearchParamsRecord } from '@/components/ui/pagination';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getIpPage } from '@/lib/dal/network';
import { isIpListFiltered, type IpListQuery } from '@/lib/validation/network';

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
  // The selection (and a bulk run's results) stays mounted when the list empties under it: a
  // bulk delete of every row keeps showing how each one ended.
  return (
    <BulkSelection
      kind="ip"
      items={data.rows.map((row) => ({ id: row.id, name: row.ip ?? `IP #${row.id}` }))}
    >
      <PagedList
        pathname="/network"
        searchParams={searchParams}
        list={data}
        filtered={isIpListFiltered(query)}
        filters={<IpFilters query={query} datacenters={data.datacenters} />}
        noun="IP"
        whenEmpty={{
          title: 'No IP addresses yet',
          description:
            'Every VM gets one when it is created. You can also create a public IP on its own and attach it to a VM later.',
          action: { href: '/network/new', label: 'Create a public IP' },
        }}
      >
        <IpTable rows={data.rows} caption={`IP addresses, page ${data.page}`} />
      </PagedList>
    </BulkSelection>
  );
}
