import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IfaceControls } from '@/components/network/iface-controls';
import { IfaceSummary } from '@/components/network/iface-summary';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getIfaceDetailOrNull } from '@/lib/dal/network';
import { idField } from '@/lib/validation/vm';

export const metadata: Metadata = { title: 'Network interface' };

export default async function InterfacePage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = idField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const { conn } = await requireSession();
  const loaded = await load(() => getIfaceDetailOrNull(conn, parsedId.data));
  if (!loaded.ok)
    return <ErrorPanel title="This interface could not load" message={loaded.message} />;
  if (!loaded.data) notFound();
  const { iface, datacenter, vm, attachChoices, runningOperationIds } = loaded.data;
  const ips = iface.ips ?? [];
  const firstAddress = ips.find((ip) => ip.ip !== null)?.ip;
  return (
    <>
      <Breadcrumb trail={[{ href: '/network', label: 'IP addresses' }]} />
      <PageHeader
        title={`Interface #${iface.id}`}
        description={`${iface.type === 'private' ? 'Private' : 'Public'} interface in ${datacenter}`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <IfaceSummary iface={iface} datacenter={datacenter} vm={vm} />
        <IfaceControls
          ifaceId={iface.id}
          ready={iface.state !== 'being_created'}
          vm={vm ? { id: vm.id, hostname: vm.hostname } : null}
          attachChoices={attachChoices}
          reversible={
            iface.type === 'public'
              ? ips.flatMap((ip) =>
                  ip.ip !== null && ip.state === 'created'
                    ? [{ id: ip.id, ip: ip.ip, reverse: ip.reverse }]
                    : [],
                )
              : []
          }
          deletePhrase={firstAddress ?? `interface-${iface.id}`}
          runningOperationIds={runningOperationIds}
        />
      </div>
    </>
  );
}
