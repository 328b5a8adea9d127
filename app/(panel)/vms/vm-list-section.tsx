import { BulkSelection } from '@/components/bulk/bulk-selection';
import { VmFilters } from '@/components/vms/vm-filters';
import { VmTable } from '@/components/vms/vm-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PagedList } from '@/components/ui/paged-list';
import type { SearchParamsRecord } from '@/components/ui/pagination';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { ownersForControls } from '@/lib/team/owners';
import { getVmPage } from '@/lib/dal/vms';
import { isVmListFiltered, type VmListQuery } from '@/lib/validation/vm';

export async function VmListSection({
  query,
  searchParams,
}: {
  query: VmListQuery;
  searchParams: SearchParamsRecord;
}) {
  const { conn, principal } = await requireSession();
  const [loaded, owners] = await Promise.all([
    load(() => getVmPage(conn, query)),
    ownersForControls(principal, 'vm'),
  ]);
  if (!loaded.ok) return <ErrorPanel title="The VM list could not load" message={loaded.message} />;
  const data = loaded.data;
  // The selection (and a bulk run's results) stays mounted when the list empties under it: a
  // bulk delete of every row keeps showing how each one ended.
  return (
    <BulkSelection
      kind="vm"
      items={data.rows.map((row) => ({
        id: row.id,
        name: row.hostname,
        ownerId: owners?.get(row.id) ?? null,
      }))}
    >
      <PagedList
        pathname="/vms"
        searchParams={searchParams}
        list={data}
        filtered={isVmListFiltered(query)}
        filters={<VmFilters query={query} datacenters={data.datacenters} />}
        noun="VM"
        whenEmpty={{
          title: 'No virtual machines yet',
          description:
            'Create one from an image in a few steps: pick a datacenter, an image, a size and how you will log in.',
          action: { href: '/vms/new', label: 'Create a VM' },
        }}
      >
        <VmTable rows={data.rows} caption={`Virtual machines, page ${data.page}`} />
      </PagedList>
    </BulkSelection>
  );
}
