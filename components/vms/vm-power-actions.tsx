'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { rebootVmAction, startVmAction, stopVmAction } from '@/app/(panel)/vms/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState, type ActionState } from '@/lib/action-state';
import type { StartedOperations } from '@/lib/dal/vm-mutations';
import { useOnStarted } from './use-started-operations';

type PowerAction = (
  prev: ActionState<StartedOperations>,
  formData: FormData,
) => Promise<ActionState<StartedOperations>>;

function PowerButton({
  vmId,
  action,
  label,
  variant,
  onStarted,
}: {
  vmId: number;
  action: PowerAction;
  label: string;
  variant: 'primary' | 'secondary';
  onStarted: (label: string, data: StartedOperations) => void;
}) {
  const [state, formAction] = useActionState(action, idleState);
  useOnStarted(state, (data) => onStarted(label, data));
  return (
    <ActionForm action={formAction} state={state} className="inline-flex flex-col">
      <input type="hidden" name="vm_id" value={vmId} />
      <SubmitButton variant={variant} pendingLabel={`${label}…`}>
        {label}
      </SubmitButton>
      {state.status === 'error' ? (
        <p role="alert" className="mt-1 max-w-xs text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
    </ActionForm>
  );
}

/** Start when halted; stop and reboot when running (what the API accepts in each state). */
export function VmPowerActions({
  vmId,
  state,
  onStarted,
}: {
  vmId: number;
  state: string;
  onStarted: (label: string, data: StartedOperations) => void;
}) {
  if (state === 'halted') {
    return (
      <PowerButton
        vmId={vmId}
        action={startVmAction}
        label="Start"
        variant="primary"
        onStarted={onStarted}
      />
    );
  }
  if (state === 'running') {
    return (
      <>
        <PowerButton
          vmId={vmId}
          action={stopVmAction}
          label="Stop"
          variant="secondary"
          onStarted={onStarted}
        />
        <PowerButton
          vmId={vmId}
          action={rebootVmAction}
          label="Reboot"
          variant="secondary"
          onStarted={onStarted}
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
