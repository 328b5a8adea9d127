'use client';

import { ActionForm } from '@/components/ui/action-form';
import { rebootVmAction, startVmAction, stopVmAction } from '@/app/(panel)/vms/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState } from '@/lib/action-state';
import type { StartedOperations } from '@/lib/dal/vm-mutations';
import { useStartedActionState } from './use-started-operations';

type PowerAction = (
  prev: ActionState<StartedOperations>,
  formData: FormData,
) => Promise<ActionState<StartedOperations>>;

type OnStarted = (label: string, data: StartedOperations) => void;

function PowerError({ state }: { state: ActionState<StartedOperations> }) {
  return state.status === 'error' ? (
    <p role="alert" className="mt-1 max-w-xs text-sm text-red-700 dark:text-red-400">
      {state.message}
    </p>
  ) : null;
}

/** Start: nothing is interrupted, so one click. */
function StartButton({
  vmId,
  onStarted,
  disabledBy,
}: {
  vmId: number;
  onStarted: OnStarted;
  disabledBy?: string | undefined;
}) {
  const [state, formAction] = useStartedActionState(startVmAction, (data) =>
    onStarted('Start', data),
  );
  return (
    <ActionForm action={formAction} state={state} className="inline-flex flex-col">
      <input type="hidden" name="vm_id" value={vmId} />
      <SubmitButton
        variant="primary"
        pendingLabel="Start…"
        disabled={disabledBy !== undefined}
        aria-describedby={disabledBy}
      >
        Start
      </SubmitButton>
      <PowerError state={state} />
    </ActionForm>
  );
}

/** Stop and reboot interrupt what runs on the VM: asked first, as the bulk actions do. */
function ConfirmedPowerButton({
  vmId,
  hostname,
  action,
  label,
  title,
  description,
  confirmLabel,
  onStarted,
  disabledBy,
}: {
  vmId: number;
  hostname: string;
  action: PowerAction;
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  onStarted: OnStarted;
  disabledBy?: string | undefined;
}) {
  const [state, formAction, pending] = useStartedActionState(action, (data) =>
    onStarted(label, data),
  );
  return (
    <div className="inline-flex flex-col">
      <ConfirmDialog
        triggerLabel={pending ? `${label}…` : label}
        triggerDisabled={pending || disabledBy !== undefined}
        triggerDescribedBy={disabledBy}
        title={title.replace('{hostname}', hostname)}
        description={description}
        confirmLabel={confirmLabel}
        tone="primary"
        action={formAction}
      >
        <input type="hidden" name="vm_id" value={vmId} />
      </ConfirmDialog>
      <PowerError state={state} />
    </div>
  );
}

/** Start when halted; stop and reboot when running (what the API accepts in each state). */
export function VmPowerActions({
  vmId,
  hostname,
  state,
  onStarted,
  disabledBy,
}: {
  vmId: number;
  hostname: string;
  state: string;
  onStarted: OnStarted;
  /** The id of the sentence saying why this member may not (the buttons are then disabled). */
  disabledBy?: string | undefined;
}) {
  if (state === 'halted') {
    return <StartButton vmId={vmId} onStarted={onStarted} disabledBy={disabledBy} />;
  }
  if (state === 'running') {
    return (
      <>
        <ConfirmedPowerButton
          vmId={vmId}
          hostname={hostname}
          action={stopVmAction}
          label="Stop"
          title="Stop {hostname}?"
          description="The VM is powered off: whatever runs on it stops and it is unreachable until started again. Its disks and addresses are kept."
          confirmLabel="Stop the VM"
          onStarted={onStarted}
          disabledBy={disabledBy}
        />
        <ConfirmedPowerButton
          vmId={vmId}
          hostname={hostname}
          action={rebootVmAction}
          label="Reboot"
          title="Reboot {hostname}?"
          description="The VM restarts: open connections drop and it is unreachable for a moment."
          confirmLabel="Reboot the VM"
          onStarted={onStarted}
          disabledBy={disabledBy}
        />
      </>
    );
  }
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      Power actions are available when the VM is running or halted.
    </p>
  );
}
