import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VmSectionTabs } from '@/components/metrics/vm-subpage-header';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { VmControls } from '@/components/vms/vm-controls';
import { VmDisks } from '@/components/vms/vm-disks';
import { VmInterfaces } from '@/components/vms/vm-interfaces';
import { RecentOperations } from '@/components/operations/recent-operations';
import { VmStateBadge } from '@/components/vms/vm-state-badge';
import { VmSummary } from '@/components/vms/vm-summary';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getVmDetailOrNotFound } from '@/lib/dal/vms';
import { ownersForControls } from '@/lib/team/owners';
import { idField } from '@/lib/validation/vm';

export const metadata: Metadata = { title: 'Virtual machine' };

export default async function VmPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = idField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const { conn, principal } = await requireSession();
  const [loaded, owners] = await Promise.all([
    load(() => getVmDetailOrNotFound(conn, parsedId.data)),
    ownersForControls(principal, 'vm'),
  ]);
  if (!loaded.ok) return <ErrorPanel title="This VM could not load" message={loaded.message} />;
  const { vm, datacenter, operations, runningOperationIds } = loaded.data;
  return (
    <>
      <Breadcrumb trail={[{ href: '/vms', label: 'Virtual machines' }]} />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {vm.hostname} <VmStateBadge state={vm.state} />
          </span>
        }
        description={`${vm.cores} core${vm.cores === 1 ? '' : 's'}, ${vm.memory} MB in ${datacenter?.dcCode ?? datacenter?.name ?? `datacenter #${vm.datacenterId}`}`}
      />
      <VmSectionTabs vmId={vm.id} current="overview" />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <VmControls
            vm={{
              id: vm.id,
              hostname: vm.hostname,
              state: vm.state,
              memory: vm.memory,
              cores: vm.cores,
              vmMaxMemory: vm.vmMaxMemory,
            }}
            runningOperationIds={runningOperationIds}
            ownerId={owners?.get(vm.id) ?? null}
          />
        </div>
        <div className="space-y-4">
          <VmSummary vm={vm} datacenter={datacenter} />
          <VmDisks disks={vm.disks} diskIds={vm.diskIds} />
          <VmInterfaces ifaces={vm.ifaces} />
        </div>
      </div>
      <div className="mt-4">
        <RecentOperations operations={operations} subject="this VM" />
      </div>
    </>
  );
}
