import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { VmSectionTabs } from '@/components/metrics/vm-subpage-header';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { formatMemory } from '@/components/vms/format';
import { VmAddDisk } from '@/components/vms/vm-add-disk';
import { VmAddIp } from '@/components/vms/vm-add-ip';
import { VmControls } from '@/components/vms/vm-controls';
import { VmDisks } from '@/components/vms/vm-disks';
import { VmInterfaces } from '@/components/vms/vm-interfaces';
import { VmOperationsProvider } from '@/components/vms/vm-operations';
import { RecentOperations } from '@/components/operations/recent-operations';
import { ResourceNamesProvider } from '@/components/operations/resource-names-context';
import { VmStateBadge } from '@/components/vms/vm-state-badge';
import { VmSummary } from '@/components/vms/vm-summary';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getVmDetailOrNotFound } from '@/lib/dal/vms';
import { ownersForControls } from '@/lib/team/owners';
import { idField } from '@/lib/validation/vm';
import { CpuSection, loadCpu } from './cpu-section';

export const metadata: Metadata = { title: 'Virtual machine' };

export default async function VmPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = idField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const { conn, principal } = await requireSession();
  // Streamed below the first paint, but asked for now, beside the VM's own calls.
  const cpu = loadCpu(conn, parsedId.data);
  const [loaded, owners, diskOwners] = await Promise.all([
    load(() => getVmDetailOrNotFound(conn, parsedId.data)),
    ownersForControls(principal, 'vm'),
    ownersForControls(principal, 'disk'),
  ]);
  if (!loaded.ok) return <ErrorPanel title="This VM could not load" message={loaded.message} />;
  const { vm, datacenter, operations, runningOperationIds } = loaded.data;
  const datacenterName = datacenter?.dcCode ?? datacenter?.name ?? `datacenter #${vm.datacenterId}`;
  // Operations name the VM and its disks and interfaces as the page shows them.
  const names = {
    vms: { [vm.id]: vm.hostname },
    disks: Object.fromEntries(vm.disks.map((disk) => [disk.id, disk.name])),
    ifaces: Object.fromEntries(
      vm.ifaces.map((iface, index) => [iface.id, `interface ${iface.num ?? index}`]),
    ),
  };
  const hubVm = {
    id: vm.id,
    hostname: vm.hostname,
    datacenterId: vm.datacenterId,
    datacenterName,
    ownerId: owners?.get(vm.id) ?? null,
  };
  return (
    <>
      <Breadcrumb trail={[{ href: '/vms', label: 'Virtual machines' }]} />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {vm.hostname} <VmStateBadge state={vm.state} />
          </span>
        }
        description={`${vm.cores} core${vm.cores === 1 ? '' : 's'}, ${formatMemory(vm.memory)} in ${datacenterName}`}
      />
      <VmSectionTabs vmId={vm.id} current="overview" />
      <ResourceNamesProvider names={names}>
        <VmOperationsProvider hostname={vm.hostname} runningOperationIds={runningOperationIds}>
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
                ownerId={hubVm.ownerId}
              />
              <VmAddDisk vm={hubVm} />
              <VmAddIp vm={hubVm} />
            </div>
            <div className="space-y-4">
              <VmSummary vm={vm} datacenter={datacenter} />
              <VmDisks
                disks={vm.disks}
                diskIds={vm.diskIds}
                vm={{ id: vm.id, hostname: vm.hostname, state: vm.state }}
                diskOwners={diskOwners}
              />
              <VmInterfaces ifaces={vm.ifaces} />
              <Suspense
                fallback={<p className="text-sm text-zinc-600 dark:text-zinc-400">Loading CPU…</p>}
              >
                <CpuSection vmId={vm.id} cpu={cpu} />
              </Suspense>
            </div>
          </div>
        </VmOperationsProvider>
      </ResourceNamesProvider>
      <div className="mt-4">
        <RecentOperations operations={operations} subject="this VM" names={names} />
      </div>
    </>
  );
}
