'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useState } from 'react';
import { updateDiskAction } from '@/app/(panel)/disks/actions';
import { requestDiskResizeApprovalAction } from '@/app/(panel)/team/approvals/actions';
import { CostEstimate } from '@/components/cost/cost-estimate';
import { ApprovalRequestButton, offersApproval } from '@/components/team/approval-request-button';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatMemory } from '@/components/vms/format';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { diskSizeDelta } from '@/lib/cost/deltas';
import {
  DISK_NAME_MAX_LENGTH,
  DISK_SIZE_GB,
  diskNameProblem,
  mbToGb,
  resizeProblem,
} from '@/lib/validation/disk';
import { ActionMessage } from '@/components/ui/action-message';
import type { DiskView, OnStarted } from './disk-view';

/** Rename and grow. The form says before submit that a disk cannot shrink. */
export function DiskResizeForm({ disk, onStarted }: { disk: DiskView; onStarted: OnStarted }) {
  const currentGb = mbToGb(disk.sizeMb);
  const [name, setName] = useState(disk.name);
  const [sizeGb, setSizeGb] = useState(String(currentGb));
  const [state, formAction] = useStartedActionState(updateDiskAction, (data) =>
    onStarted(`Update ${disk.name}`, data),
  );

  const nameHint = diskNameProblem(name.trim());
  const sizeHint = sizeGb === '' ? 'Enter the size.' : resizeProblem(Number(sizeGb), disk.sizeMb);
  const changed = name.trim() !== disk.name || Number(sizeGb) * 1024 > disk.sizeMb;
  const growing = !sizeHint && Number(sizeGb) > currentGb;

  return (
    <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="disk_id" value={disk.id} />
      <TextField
        name="name"
        id="disk-name"
        label="Name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={DISK_NAME_MAX_LENGTH}
        autoComplete="off"
        error={fieldError(state, 'name') ?? nameHint ?? undefined}
      />
      {disk.type === 'snapshot' ? (
        <>
          <input type="hidden" name="size_gb" value={currentGb} />
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            A snapshot can only be renamed: it keeps the size of its disk (
            {formatMemory(disk.sizeMb)}).
          </p>
        </>
      ) : (
        <TextField
          name="size_gb"
          id="disk-size"
          label="Size (GB)"
          type="number"
          inputMode="numeric"
          min={currentGb}
          max={DISK_SIZE_GB.max}
          value={sizeGb}
          onChange={(event) => setSizeGb(event.target.value)}
          hint={`Now ${formatMemory(disk.sizeMb)}. A disk can only grow: shrinking is impossible.`}
          error={fieldError(state, 'size_gb') ?? sizeHint ?? undefined}
        />
      )}
      {growing ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
          The disk grows to {sizeGb} GB; extend the partition and filesystem inside the VM to use
          the new space.
        </p>
      ) : null}
      {disk.type === 'snapshot' ? null : (
        <CostEstimate delta={sizeHint ? null : diskSizeDelta(sizeGb, disk.sizeMb)} />
      )}
      <SubmitButton
        disabled={!changed || Boolean(nameHint) || Boolean(sizeHint)}
        pendingLabel="Saving…"
      >
        Save name and size
      </SubmitButton>
      <ActionMessage state={state} />
      {state.status === 'error' && offersApproval(state.message) ? (
        // Nothing reached Gandi: the same change can go to the team's admins instead.
        <ApprovalRequestButton action={requestDiskResizeApprovalAction} />
      ) : null}
    </ActionForm>
  );
}
