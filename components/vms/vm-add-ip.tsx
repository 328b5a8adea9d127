'use client';

import { CreateIpForm } from '@/components/network/create-ip-form';
import { CapabilityNote, useCapability } from '@/components/team/member-context';
import { DetailCard } from './detail-card';

const NOTE_ID = 'vm-add-ip-blocked';

/** The network page's "create a public IP" form, for this VM: created, then attached to it. */
export function VmAddIp({
  vm,
}: {
  vm: { id: number; hostname: string; datacenterId: number; ownerId: string | null };
}) {
  const create = useCapability('iface.create', vm.ownerId);
  return (
    <DetailCard id="vm-add-ip" title="Add a public IP">
      {create.allowed ? null : <CapabilityNote id={NOTE_ID} reason={create.reason} />}
      <CreateIpForm
        choices={{ datacenters: [], vms: [] }}
        attachTo={vm}
        disabledBy={create.allowed ? undefined : NOTE_ID}
      />
    </DetailCard>
  );
}
