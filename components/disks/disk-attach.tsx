'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useState } from 'react';
import { attachDiskAction, detachDiskAction } from '@/app/(panel)/disks/actions';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { detachProblem, DISK_POSITION } from '@/lib/validation/disk';
import { ActionMessage } from '@/components/ui/action-message';
import { AttachmentText } from './attachment-text';
import type { DiskView, OnStarted, VmChoice } from './disk-view';

/** Detach, saying BEFORE submit when the API would refuse (system disk of a VM not halted). */
export function DetachForm({
  disk,
  onStarted,
  idPrefix = '',
  disabledBy,
}: {
  disk: Pick<DiskView, 'id' | 'name' | 'attachment'>;
  onStarted: OnStarted;
  /** Keeps ids unique where several disks' forms share a page. */
  idPrefix?: string;
  /** Id of the note saying why the member may not detach it. */
  disabledBy?: string | undefined;
}) {
  const [state, formAction] = useStartedActionState(detachDiskAction, (data) =>
    onStarted(`Detach ${disk.name}`, data),
  );
  const attachment = disk.attachment;
  if (!attachment) return null;
  const blocked =
    attachment.position === null
      ? null
      : detachProblem(attachment.position, {
          hostname: attachment.hostname,
          state: attachment.vmState ?? 'unknown',
        });
  return (
    <ActionForm action={formAction} state={state} className="space-y-2">
      <input type="hidden" name="disk_id" value={disk.id} />
      <p className="text-sm">
        Attached to <AttachmentText attachment={attachment} />.
      </p>
      {blocked ? (
        <p
          id={`${idPrefix}detach-blocked`}
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          {blocked}
        </p>
      ) : null}
      <SubmitButton
        variant="secondary"
        disabled={blocked !== null || disabledBy !== undefined}
        aria-describedby={blocked ? `${idPrefix}detach-blocked` : disabledBy}
        pendingLabel="Detaching…"
      >
        Detach
      </SubmitButton>
      <ActionMessage state={state} includeFieldErrors />
    </ActionForm>
  );
}

function AttachForm({
  disk,
  vms,
  onStarted,
}: {
  disk: DiskView;
  vms: VmChoice[];
  onStarted: OnStarted;
}) {
  // Controlled: React resets a form after its action, which would drop the choices on a refusal.
  const [vmId, setVmId] = useState('');
  const [position, setPosition] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [state, formAction] = useStartedActionState(attachDiskAction, (data) =>
    onStarted(`Attach ${disk.name}`, data),
  );
  if (vms.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Not attached. There is no VM in {disk.datacenterName} to attach it to (a disk can only be
        attached to a VM of its own datacenter).
      </p>
    );
  }
  return (
    <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="disk_id" value={disk.id} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Not attached.</p>
      <SelectField
        name="vm_id"
        id="attach-vm"
        label="Attach to VM"
        value={vmId}
        onChange={(event) => setVmId(event.target.value)}
        placeholder="Choose a VM"
        options={vms.map((vm) => ({
          value: String(vm.id),
          label: `${vm.hostname} (${vm.state.replace(/_/g, ' ')}, ${vm.diskCount} disk${vm.diskCount === 1 ? '' : 's'})`,
        }))}
        hint={`Only VMs of ${disk.datacenterName} are listed.`}
        error={fieldError(state, 'vm_id')}
      />
      <TextField
        name="position"
        id="attach-position"
        label="Position (optional)"
        type="number"
        inputMode="numeric"
        min={DISK_POSITION.min}
        max={DISK_POSITION.max}
        value={position}
        onChange={(event) => setPosition(event.target.value)}
        hint="Empty: after the VM's disks. 0 makes it the system disk (it swaps places with the current one)."
        error={fieldError(state, 'position')}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="read_only"
          checked={readOnly}
          onChange={(event) => setReadOnly(event.target.checked)}
        />
        Read-only (the VM cannot write to it)
      </label>
      <SubmitButton pendingLabel="Attaching…">Attach</SubmitButton>
      <ActionMessage state={state} />
    </ActionForm>
  );
}

export function DiskAttach({
  disk,
  vms,
  onStarted,
}: {
  disk: DiskView;
  vms: VmChoice[];
  onStarted: OnStarted;
}) {
  if (disk.type === 'snapshot') {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A snapshot is not attached to VMs: create a disk from it to use its data.
      </p>
    );
  }
  return disk.attachment ? (
    <DetachForm disk={disk} onStarted={onStarted} />
  ) : (
    <AttachForm disk={disk} vms={vms} onStarted={onStarted} />
  );
}
