'use client';

import { ActionForm } from '@/components/ui/action-form';
import { cn } from '@/components/ui/cn';
import { textLinkClasses } from '@/components/ui/text-link';
import { ActionMessage } from '@/components/ui/action-message';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useRef, useState } from 'react';
import { attachIfaceAction, createPublicIfaceAction } from '@/app/(panel)/network/actions';
import { requestIfaceCreateApprovalAction } from '@/app/(panel)/team/approvals/actions';
import { FormCostEstimate } from '@/components/cost/form-cost-estimate';
import { allDone } from '@/components/operations/all-done';
import { OperationProgress } from '@/components/operations/operation-progress';
import { ApprovalRequestButton, offersApproval } from '@/components/team/approval-request-button';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import { publicIpDelta } from '@/lib/cost/deltas';
import type { CreateIpChoices } from '@/lib/dal/network';
import type { OperationEvent } from '@/lib/operations/types';
import { BANDWIDTH_CHOICES_KBPS, DEFAULT_BANDWIDTH_KBPS } from '@/lib/validation/network';
import { formatBandwidth } from '@/components/vms/format';
import { IpModeField } from './ip-mode-field';

/**
 * Create a public interface, then (when a VM was chosen and the creation is DONE) attach it:
 * the API refuses to attach an interface still being created, so the second call waits for
 * the first operation. Both are shown live; the interface page opens at the end.
 */
export function CreateIpForm({
  choices,
  attachTo,
  disabledBy,
}: {
  choices: CreateIpChoices;
  /** On a VM's page: the IP is for this VM (no datacenter or VM to choose), the page refreshes. */
  attachTo?: { id: number; hostname: string; datacenterId: number };
  /** Id of the note saying why the member may not create it. */
  disabledBy?: string | undefined;
}) {
  const router = useRouter();
  const [createState, createAction] = useActionState(createPublicIfaceAction, idleState);
  const [attachState, attachAction] = useActionState(attachIfaceAction, idleState);
  const [datacenterId, setDatacenterId] = useState(
    String(attachTo?.datacenterId ?? choices.datacenters[0]?.id ?? ''),
  );
  const [vmId, setVmId] = useState(attachTo ? String(attachTo.id) : '');
  // Where to go once done: the new interface, or (on a VM's page) this page, refreshed.
  const finish = (href: string) => (attachTo ? router.refresh() : router.push(href));
  const [creationFailed, setCreationFailed] = useState(false);
  const requested = useRef<{ vmId: string } | null>(null);
  // The stream may report "settled" more than once (reconnects): attach or navigate only once.
  const followedUp = useRef(false);

  const vms = choices.vms.filter((vm) => String(vm.datacenterId) === datacenterId);
  const created = createState.status === 'ok' ? createState.data : null;
  const ifaceHref = created?.ifaceId ? `/network/interfaces/${created.ifaceId}` : '/network';

  const onCreated = (ops: OperationEvent[]) => {
    if (followedUp.current) return;
    followedUp.current = true;
    if (!allDone(ops) || !created?.ifaceId) {
      setCreationFailed(true);
      return;
    }
    const target = requested.current?.vmId ?? '';
    if (target === '') {
      finish(ifaceHref);
      return;
    }
    const formData = new FormData();
    formData.set('iface_id', String(created.ifaceId));
    formData.set('vm_id', target);
    startTransition(() => attachAction(formData));
  };

  if (created) {
    return (
      <div className="space-y-4">
        <OperationProgress
          title="Creating the public IP"
          ids={created.operations.map((op) => op.id)}
          onSettled={onCreated}
          refreshOnDone={false}
        />
        {attachState.status === 'ok' ? (
          <OperationProgress
            title="Attaching it to the VM"
            ids={attachState.data.operations.map((op) => op.id)}
            onSettled={() => finish(ifaceHref)}
            refreshOnDone={false}
          />
        ) : null}
        {attachState.status === 'error' ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            The IP was created but could not be attached: {attachState.message}
          </p>
        ) : null}
        {creationFailed ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            The creation did not complete; nothing was attached.
          </p>
        ) : null}
        <Link href={ifaceHref} className={cn('text-sm', textLinkClasses)}>
          Open the new interface
        </Link>
      </div>
    );
  }

  return (
    <ActionForm
      state={createState}
      action={(formData) => {
        // The VM chosen at submit time is the one to attach to once the creation is DONE.
        requested.current = { vmId: String(formData.get('vm_id') ?? '') };
        createAction(formData);
      }}
      className="max-w-xl space-y-4"
      noValidate
    >
      {attachTo ? (
        <input type="hidden" name="datacenter_id" value={datacenterId} />
      ) : (
        <SelectField
          name="datacenter_id"
          id="ip-datacenter"
          label="Datacenter"
          value={datacenterId}
          onChange={(event) => {
            setDatacenterId(event.target.value);
            setVmId('');
          }}
          options={choices.datacenters.map((dc) => ({ value: String(dc.id), label: dc.label }))}
          placeholder={choices.datacenters.length === 0 ? 'No datacenter is open' : undefined}
          error={fieldError(createState, 'datacenter_id')}
        />
      )}
      <IpModeField error={fieldError(createState, 'ip_mode')} />
      <SelectField
        name="bandwidth"
        id="ip-bandwidth"
        label="Bandwidth"
        defaultValue={String(DEFAULT_BANDWIDTH_KBPS)}
        options={BANDWIDTH_CHOICES_KBPS.map((kbps) => ({
          value: String(kbps),
          label: formatBandwidth(kbps),
        }))}
        error={fieldError(createState, 'bandwidth')}
      />
      {attachTo ? (
        <>
          <input type="hidden" name="vm_id" value={vmId} />
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            A new network interface with its public IP, attached to {attachTo.hostname} once
            created.
          </p>
        </>
      ) : (
        <SelectField
          name="vm_id"
          id="ip-vm"
          label="Attach to a VM (optional)"
          value={vmId}
          onChange={(event) => setVmId(event.target.value)}
          placeholder="Do not attach — keep it free"
          options={vms.map((vm) => ({ value: String(vm.id), label: vm.hostname }))}
          hint={
            vms.length === 0
              ? 'No running or halted VM in this datacenter: the IP will stay free.'
              : 'Only VMs of the same datacenter can use it. It is attached once created.'
          }
          error={fieldError(createState, 'vm_id')}
        />
      )}
      <ActionMessage state={createState} />
      <FormCostEstimate
        headingLevel={attachTo ? 3 : 2}
        deltaOf={(values) => publicIpDelta(String(values.get('ip_mode') ?? ''))}
      />
      <SubmitButton
        pendingLabel="Creating…"
        disabled={disabledBy !== undefined}
        aria-describedby={disabledBy}
      >
        {attachTo ? 'Add public IP' : 'Create public IP'}
      </SubmitButton>
      {createState.status === 'error' && offersApproval(createState.message) ? (
        // Nothing reached Gandi: the same IP can go to the team's admins instead.
        <ApprovalRequestButton action={requestIfaceCreateApprovalAction} />
      ) : null}
    </ActionForm>
  );
}
