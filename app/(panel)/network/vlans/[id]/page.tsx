import { Breadcrumb } from '@/components/ui/breadcrumb';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VlanControls } from '@/components/network/vlan-controls';
import { VlanMembers } from '@/components/network/vlan-members';
import { Badge } from '@/components/ui/badge';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { DefinitionList, DetailCard } from '@/components/vms/detail-card';
import { formatState } from '@/components/vms/format';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getVlanDetail } from '@/lib/dal/vlans';
import { idField } from '@/lib/validation/vm';

export const metadata: Metadata = { title: 'Private VLAN' };

export default async function VlanPage({ params }: { params: Promise<{ id: string }> }) {
  const parsedId = idField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const { conn } = await requireSession();
  const loaded = await load(() => getVlanDetail(conn, parsedId.data));
  if (!loaded.ok) return <ErrorPanel title="This VLAN could not load" message={loaded.message} />;
  if (!loaded.data) notFound();
  const { vlan, datacenter, members, attachChoices } = loaded.data;
  return (
    <>
      <Breadcrumb trail={[{ href: '/network/vlans', label: 'Private VLANs' }]} />
      <PageHeader title={`VLAN ${vlan.name}`} description={`Private network in ${datacenter}`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <DetailCard id="vlan-summary" title="VLAN">
            <DefinitionList
              items={[
                [
                  'Subnet',
                  <span key="s" className="font-mono">
                    {vlan.subnet ?? '—'}
                  </span>,
                ],
                [
                  'Gateway',
                  <span key="g" className="font-mono">
                    {vlan.gateway ?? 'None'}
                  </span>,
                ],
                ['Datacenter', datacenter],
                ['State', <Badge key="st">{formatState(vlan.state)}</Badge>],
              ]}
            />
          </DetailCard>
          <VlanMembers members={members} />
        </div>
        <VlanControls
          vlan={{ id: vlan.id, name: vlan.name, subnet: vlan.subnet, gateway: vlan.gateway }}
          attachChoices={attachChoices}
          inUse={members.length > 0}
        />
      </div>
    </>
  );
}
