'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useState } from 'react';
import { snapshotDiskAction } from '@/app/(panel)/disks/actions';
import { requestSnapshotApprovalAction } from '@/app/(panel)/team/approvals/actions';
import { ApprovalRequestButton, offersApproval } from '@/components/team/approval-request-button';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { DISK_NAME_MAX_LENGTH, snapshotProblem } from '@/lib/validation/disk';
import { ActionMessage } from '@/components/ui/action-message';
import type { DiskView, OnStarted } from './disk-view';

/** What the form needs of the disk (the disk page and the VM page both show it). */
export type SnapshotTarget = Pick<DiskView, 'id' | 'name' | 'type' | 'canSnapshot'>;

/** `hosting.disk.create_from` with `type: 'snapshot'`; the name is optional (generated). */
export function DiskSnapshotForm({
  disk,
  onStarted,
  idPrefix = '',
  disabledBy,
}: {
  disk: SnapshotTarget;
  onStarted: OnStarted;
  /** Keeps field ids unique where several disks' forms share a page. */
  idPrefix?: string;
  /** Id of the note saying why the member may not snapshot it. */
  disabledBy?: string | undefined;
}) {
  // Controlled so a refused name stays in the field (React resets forms after an action).
  const [name, setName] = useState('');
  const [state, formAction] = useStartedActionState(snapshotDiskAction, (data) => {
    setName('');
    onStarted(`Snapshot ${disk.name}`, data);
  });
  const blocked = snapshotProblem(disk);
  if (blocked) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{blocked}</p>;
  return (
    <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
      <input type="hidden" name="disk_id" value={disk.id} />
      <TextField
        name="name"
        id={`${idPrefix}snapshot-name`}
        label="Snapshot name (optional)"
        maxLength={DISK_NAME_MAX_LENGTH}
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="off"
        hint="Empty: the disk's name followed by the date and time (UTC)."
        error={fieldError(state, 'name')}
      />
      <SubmitButton
        variant="secondary"
        disabled={disabledBy !== undefined}
        aria-describedby={disabledBy}
        pendingLabel="Taking the snapshot…"
      >
        Take snapshot
      </SubmitButton>
      <ActionMessage state={state} />
      {state.status === 'error' && offersApproval(state.message) ? (
        // Nothing reached Gandi: the same snapshot can go to the team's admins instead.
        <ApprovalRequestButton action={requestSnapshotApprovalAction} />
      ) : null}
    </ActionForm>
  );
}
