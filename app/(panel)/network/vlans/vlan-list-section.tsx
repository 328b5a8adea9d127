import { CreateVlanForm } from '@/components/network/create-vlan-form';
import { VlanTable } from '@/components/network/vlan-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Pagination, type SearchParamsRecord } from '@/components/ui/pagination';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getVlanPage } from '@/lib/dal/vlans';

export async function VlanListSection({
  page,
  searchParams,
}: {
  page: number;
  searchParams: SearchParamsRecord;
}) {
  const { conn } = await requireSession();
  const loaded = await load(() => getVlanPage(conn, page));
  if (!loaded.ok) return <ErrorPanel title="The VLANs could not load" message={loaded.message} />;
  const data = loaded.data;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div>
        {data.total === 0 ? (
          <EmptyState
            title="No private VLAN yet"
            description="Create one, then give VMs of the same datacenter a private interface in it."
          />
        ) : data.rows.length === 0 ? (
          <EmptyState title="This page is past the end" description="Go back to an earlier page." />
        ) : (
          <VlanTable rows={data.rows} />
        )}
        {data.total > 0 ? (
          <Pagination
            pathname="/network/vlans"
            searchParams={searchParams}
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
          />
        ) : null}
      </div>
      <CreateVlanForm datacenters={data.openDatacenters} />
    </div>
  );
}
