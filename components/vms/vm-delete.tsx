'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { deleteVmAction } from '@/app/(panel)/vms/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SentForApproval } from '@/components/team/sent-for-approval';
import { idleState } from '@/lib/action-state';
import { heldRequestOf, isHeldForApproval } from '@/lib/team/approvals/held';
import type { DeleteStep } from '@/lib/dal/vm-mutations';
import type { OperationEvent } from '@/lib/operations/types';
import type { OperationGroup } from './live-operations';

/**
 * Delete, confirmed by typing the hostname. A running VM is stopped first (as gandi.cli does):
 * the first call starts the stop, and when that operation is DONE this component calls the
 * action again, which now deletes. Both operations are shown; the list opens when it is gone.
 */
export function VmDelete({
  vmId,
  hostname,
  state: vmState,
  onGroup,
  onLeaving,
  disabledBy,
}: {
  /** The id of the sentence saying why this member may not delete it (disables the button). */
  disabledBy?: string | undefined;
  vmId: number;
  hostname: string;
  state: string;
  onGroup: (group: OperationGroup) => void;
  /** Called once a deletion is under way: the page must stop re-rendering itself (it will 404). */
  onLeaving: () => void;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(deleteVmAction, idleState);
  const handled = useRef<typeof state | null>(null);
  const held = state.status === 'ok' ? heldRequestOf(state.data) : null;
  const stoppedFirst = useRef(false);

  useEffect(() => {
    if (state.status !== 'ok' || handled.current === state) return;
    handled.current = state;
    if (isHeldForApproval(state.data)) return;
    const step: DeleteStep = state.data;
    onLeaving();
    const ids = step.operations.map((op) => op.id);
    const allDone = (ops: OperationEvent[]) =>
      ops.length > 0 && ops.every((op) => op.step === 'DONE');
    if (step.phase === 'stopping') {
      stoppedFirst.current = true;
      let resubmitted = false;
      onGroup({
        key: `delete-stop-${ids.join(',')}`,
        title: `Delete ${hostname} — step 1 of 2: stop`,
        ids,
        // The delete follows at once; a re-render in between would race it.
        refreshOnDone: false,
        onSettled: (ops) => {
          if (!allDone(ops) || resubmitted) return;
          resubmitted = true;
          const formData = new FormData();
          formData.set('vm_id', String(vmId));
          formData.set('confirm_hostname', hostname);
          startTransition(() => formAction(formData));
        },
      });
    } else {
      onGroup({
        key: `delete-${ids.join(',')}`,
        title: `Delete ${hostname} — ${stoppedFirst.current ? 'step 2 of 2: ' : ''}delete`,
        ids,
        // The VM is gone once this is DONE: leave for the list rather than re-render a 404.
        refreshOnDone: false,
        onSettled: (ops) => {
          if (allDone(ops)) router.push('/vms');
        },
      });
    }
  }, [state, formAction, hostname, onGroup, onLeaving, router, vmId]);

  return (
    <div>
      <ConfirmDialog
        triggerLabel={pending ? 'Deleting…' : 'Delete'}
        triggerVariant="danger"
        triggerDisabled={pending || held !== null || disabledBy !== undefined}
        triggerDescribedBy={disabledBy}
        title={`Delete ${hostname}?`}
        description={
          <>
            <p>
              The VM, its system disk and its first network interface are deleted. Other disks and
              interfaces are detached and kept.
            </p>
            {vmState === 'running' ? (
              <p className="mt-2 font-medium">
                It is running: it will be stopped first, then deleted.
              </p>
            ) : null}
          </>
        }
        confirmLabel="Delete this VM"
        confirmPhrase={hostname}
        action={formAction}
      >
        <input type="hidden" name="vm_id" value={vmId} />
        <input type="hidden" name="confirm_hostname" value={hostname} />
      </ConfirmDialog>
      {state.status === 'error' ? (
        <p role="alert" className="mt-1 max-w-xs text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
      {held ? (
        <div className="mt-1 max-w-xs">
          <SentForApproval why={held.why} />
        </div>
      ) : null}
    </div>
  );
}
