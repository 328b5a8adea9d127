'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState, useEffect, useRef, useState } from 'react';
import { createVlanAction } from '@/app/(panel)/network/vlans/actions';
import { OperationProgress } from '@/components/operations/operation-progress';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import {
  gatewayProblem,
  parseCidr,
  subnetProblem,
  usableHostCount,
} from '@/lib/validation/network';
import { vlanNameProblem } from '@/lib/validation/vlan';

/**
 * Name, datacenter, and optionally the subnet and gateway, checked as typed (CIDR form, private
 * range, gateway inside the subnet). A duplicate name is for the API to refuse: its answer is
 * shown on the name field.
 */
export function CreateVlanForm({ datacenters }: { datacenters: { id: number; label: string }[] }) {
  const [state, formAction] = useActionState(createVlanAction, idleState);
  const [name, setName] = useState('');
  const [subnet, setSubnet] = useState('');
  const [gateway, setGateway] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const handled = useRef<typeof state | null>(null);

  useEffect(() => {
    if (state.status !== 'ok' || handled.current === state) return;
    handled.current = state;
    setName('');
    setSubnet('');
    setGateway('');
  }, [state]);

  const subnetHint = subnet.trim() === '' ? null : subnetProblem(subnet);
  const parsedSubnet =
    subnetHint === null && subnet.trim() !== '' ? parseCidr(subnet.trim()) : null;
  const gatewayHint =
    gateway.trim() === ''
      ? null
      : subnet.trim() === ''
        ? 'Give the subnet too, so the gateway can be placed in it.'
        : subnetHint
          ? null
          : gatewayProblem(gateway, subnet);

  return (
    <section
      aria-labelledby="create-vlan"
      className="h-fit space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="create-vlan" className="text-base font-semibold">
        Create a VLAN
      </h2>
      <ActionForm ref={formRef} action={formAction} state={state} className="space-y-3" noValidate>
        <TextField
          name="name"
          id="vlan-name"
          label="Name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={50}
          autoComplete="off"
          hint="Unique in the account."
          error={
            fieldError(state, 'name') ??
            (name === '' ? undefined : (vlanNameProblem(name) ?? undefined))
          }
        />
        <SelectField
          name="datacenter_id"
          id="vlan-datacenter"
          label="Datacenter"
          options={datacenters.map((dc) => ({ value: String(dc.id), label: dc.label }))}
          error={fieldError(state, 'datacenter_id')}
        />
        <TextField
          name="subnet"
          id="vlan-subnet"
          label="Subnet (optional)"
          value={subnet}
          onChange={(event) => setSubnet(event.target.value)}
          placeholder="192.168.0.0/24"
          spellCheck={false}
          autoComplete="off"
          hint={
            parsedSubnet
              ? `${usableHostCount(parsedSubnet)} usable addresses.`
              : 'CIDR in a private range. Empty: Gandi chooses one (192.168.0.0/24).'
          }
          error={fieldError(state, 'subnet') ?? subnetHint ?? undefined}
        />
        <TextField
          name="gateway"
          id="vlan-gateway"
          label="Gateway (optional)"
          value={gateway}
          onChange={(event) => setGateway(event.target.value)}
          placeholder="192.168.0.1"
          spellCheck={false}
          autoComplete="off"
          error={fieldError(state, 'gateway') ?? gatewayHint ?? undefined}
        />
        <ActionMessage state={state} />
        <SubmitButton pendingLabel="Creating…" disabled={datacenters.length === 0}>
          Create VLAN
        </SubmitButton>
      </ActionForm>
      {state.status === 'ok' ? (
        <OperationProgress
          key={state.data.operations.map((op) => op.id).join(',')}
          title="Creating the VLAN"
          ids={state.data.operations.map((op) => op.id)}
          refreshOnDone
        />
      ) : null}
    </section>
  );
}
