'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useOperationGroups } from '@/components/vms/use-operation-groups';
import { ActionMessage } from '@/components/ui/action-message';
import { startTransition, useCallback, useRef, useState } from 'react';
import { attachIfaceAction } from '@/app/(panel)/network/actions';
import {
  createPrivateIfaceAction,
  deleteVlanAction,
  updateVlanAction,
} from '@/app/(panel)/network/vlans/actions';
import { allDone } from '@/components/operations/all-done';
import { TypedNameDeleteCard } from '@/components/operations/typed-name-delete-card';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { DetailCard } from '@/components/vms/detail-card';
import { LiveOperations } from '@/components/vms/live-operations';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import type { CreatedPrivateIface } from '@/lib/dal/vlans';
import { gatewayProblem, privateAddressProblem } from '@/lib/validation/network';
import { vlanNameProblem } from '@/lib/validation/vlan';

export interface VlanControlsProps {
  vlan: { id: number; name: string; subnet: string | null; gateway: string | null };
  attachChoices: { id: number; hostname: string }[];
  inUse: boolean;
}

/** Rename / gateway, add a private interface (optionally attached to a VM), delete. */
export function VlanControls({ vlan, attachChoices, inUse }: VlanControlsProps) {
  const { groups, follow } = useOperationGroups();
  const [attachState, attachAction] = useStartedActionState(
    attachIfaceAction,
    follow('Attach the private interface'),
  );
  const [name, setName] = useState(vlan.name);
  const [gateway, setGateway] = useState(vlan.gateway ?? '');
  const [address, setAddress] = useState('');
  // The stream may report "settled" more than once (reconnects): attach each interface once.
  const attachedIfaces = useRef(new Set<number>());
  const attachOnce = useCallback(
    (ifaceId: number, vmId: string) => {
      if (attachedIfaces.current.has(ifaceId)) return;
      attachedIfaces.current.add(ifaceId);
      const formData = new FormData();
      formData.set('iface_id', String(ifaceId));
      formData.set('vm_id', vmId);
      startTransition(() => attachAction(formData));
    },
    [attachAction],
  );

  const [updateState, updateAction] = useStartedActionState(
    updateVlanAction,
    follow('Update the VLAN'),
  );
  // The VM chosen when the interface was requested: it is attached once the creation is DONE.
  const [ifaceState, ifaceAction] = useStartedActionState(
    createPrivateIfaceAction,
    (data: CreatedPrivateIface, formData) => {
      const vmId = String(formData.get('vm_id') ?? '');
      follow('Create a private interface', (ops) => {
        if (allDone(ops) && data.ifaceId !== null && vmId !== '') attachOnce(data.ifaceId, vmId);
      })(data);
    },
  );

  const gatewayHint =
    gateway.trim() === '' || gateway.trim() === (vlan.gateway ?? '') || !vlan.subnet
      ? null
      : gatewayProblem(gateway, vlan.subnet);
  const addressHint =
    address.trim() === '' || !vlan.subnet
      ? null
      : privateAddressProblem(address, vlan.subnet, vlan.gateway);

  return (
    <div className="space-y-4">
      <LiveOperations runningIds={[]} groups={groups} />
      <DetailCard id="vlan-private-iface" title="Add a private interface">
        <form action={ifaceAction} className="space-y-3" noValidate>
          <input type="hidden" name="vlan_id" value={vlan.id} />
          <TextField
            name="ip"
            id="private-ip"
            label="Address (optional)"
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            placeholder={vlan.subnet ? `inside ${vlan.subnet}` : ''}
            spellCheck={false}
            autoComplete="off"
            hint={`An IPv4 address of ${vlan.subnet ?? 'the subnet'}${vlan.gateway ? `, not the gateway ${vlan.gateway}` : ''}. Empty: Gandi picks a free one.`}
            error={fieldError(ifaceState, 'ip') ?? addressHint ?? undefined}
          />
          <SelectField
            name="vm_id"
            id="private-vm"
            label="Attach to a VM (optional)"
            placeholder="Do not attach — keep it free"
            options={attachChoices.map((choice) => ({
              value: String(choice.id),
              label: choice.hostname,
            }))}
            hint="Attached once the interface is created. Or create a VM on this VLAN from the wizard."
            error={fieldError(ifaceState, 'vm_id')}
          />
          <ActionMessage state={ifaceState} />
          <ActionMessage state={attachState} />
          <SubmitButton pendingLabel="Creating…" disabled={addressHint !== null}>
            Create private interface
          </SubmitButton>
        </form>
      </DetailCard>
      <DetailCard id="vlan-edit" title="Name and gateway">
        <ActionForm action={updateAction} state={updateState} className="space-y-3" noValidate>
          <input type="hidden" name="vlan_id" value={vlan.id} />
          <TextField
            name="name"
            id="vlan-edit-name"
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={50}
            autoComplete="off"
            error={fieldError(updateState, 'name') ?? vlanNameProblem(name) ?? undefined}
          />
          <TextField
            name="gateway"
            id="vlan-edit-gateway"
            label="Gateway"
            value={gateway}
            onChange={(event) => setGateway(event.target.value)}
            spellCheck={false}
            autoComplete="off"
            hint={
              vlan.subnet ? `Inside ${vlan.subnet}. The subnet itself cannot change.` : undefined
            }
            error={fieldError(updateState, 'gateway') ?? gatewayHint ?? undefined}
          />
          <ActionMessage state={updateState} />
          <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
        </ActionForm>
      </DetailCard>
      <TypedNameDeleteCard
        id="vlan-delete"
        noun="VLAN"
        name={vlan.name}
        idField={['vlan_id', vlan.id]}
        note={
          inUse
            ? 'Interfaces still use this VLAN: Gandi will refuse until they are detached and deleted.'
            : 'Nothing uses this VLAN.'
        }
        description="The private network and its subnet are removed."
        action={deleteVlanAction}
        listHref="/network/vlans"
      />
    </div>
  );
}
