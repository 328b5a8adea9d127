'use client';

import { useActionState } from 'react';
import {
  finalizeMigrationAction,
  startMigrationAction,
} from '@/app/(panel)/vms/[id]/migration/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { idleState, type ActionState } from '@/lib/action-state';

function ActionError({ state }: { state: ActionState<unknown> }) {
  if (state.status !== 'error') return null;
  const detail = Object.values(state.fieldErrors ?? {}).flat()[0];
  return (
    <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
      {detail ?? state.message}
    </p>
  );
}

/** Starts the copy, after a confirmation naming where the VM goes. */
export function StartMigration({
  vmId,
  hostname,
  targets,
}: {
  vmId: number;
  hostname: string;
  targets: string;
}) {
  const [state, formAction] = useActionState(startMigrationAction, idleState);
  return (
    <div>
      <ConfirmDialog
        triggerLabel="Start the migration"
        triggerVariant="primary"
        tone="primary"
        title={`Migrate ${hostname}?`}
        description={
          <>
            <p>
              The disks of {hostname} are copied to {targets} while the VM keeps running. Nothing
              switches over until you finalize, once the copy is done.
            </p>
          </>
        }
        confirmLabel="Start the migration"
        action={formAction}
      >
        <input type="hidden" name="vm_id" value={vmId} />
      </ConfirmDialog>
      <ActionError state={state} />
    </div>
  );
}

/** Finalizes a migration that waits for it (the operation id guards against a stale page). */
export function FinalizeMigration({
  vmId,
  hostname,
  operationId,
  target,
}: {
  vmId: number;
  hostname: string;
  operationId: number;
  target: string;
}) {
  const [state, formAction] = useActionState(finalizeMigrationAction, idleState);
  return (
    <div>
      <ConfirmDialog
        triggerLabel="Finalize the migration"
        triggerVariant="primary"
        tone="primary"
        title={`Finalize the migration of ${hostname}?`}
        description={
          <p>
            {hostname} switches over to {target} with its latest changes. Expect a short
            interruption while it moves.
          </p>
        }
        confirmLabel="Finalize"
        action={formAction}
      >
        <input type="hidden" name="vm_id" value={vmId} />
        <input type="hidden" name="operation_id" value={operationId} />
      </ConfirmDialog>
      <ActionError state={state} />
    </div>
  );
}
