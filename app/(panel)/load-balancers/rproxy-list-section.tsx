import { CreateRproxyForm } from '@/components/load-balancers/create-rproxy-form';
import { RproxyTable } from '@/components/load-balancers/rproxy-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getRproxyPage } from '@/lib/dal/rproxy';

export async function RproxyListSection() {
  const { conn } = await requireSession();
  const loaded = await load(() => getRproxyPage(conn));
  if (!loaded.ok)
    return <ErrorPanel title="The load balancers could not load" message={loaded.message} />;
  const data = loaded.data;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="min-w-0">
        {data.rows.length === 0 ? (
          <EmptyState
            title="No load balancer yet"
            description="Create one in front of two or more VMs of the same datacenter."
          />
        ) : (
          <RproxyTable rows={data.rows} />
        )}
      </div>
      <CreateRproxyForm
        datacenters={data.openDatacenters}
        choices={data.choices}
        price={data.price}
      />
    </div>
  );
}
