'use client';

import { useRouter } from 'next/navigation';
import { deleteDiskAction } from '@/app/(panel)/disks/actions';
import { allDone } from '@/components/operations/all-done';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { SentForApproval } from '@/components/team/sent-for-approval';
import { heldRequestOf } from '@/lib/team/approvals/held';
import { deleteProblem } from '@/lib/validation/disk';
import { ActionMessage } from '@/components/ui/action-message';
import type { DiskView } from './disk-view';
import type { OperationGroup } from '@/components/vms/live-operations';

/**
 * Delete, confirmed by typing the disk's name. Refused while attached, with the reason shown
 * beside the button (the server checks again). The list opens when the deletion is DONE.
 */
export function DiskDelete({
  disk,
  onGroup,
}: {
  disk: DiskView;
  onGroup: (group: OperationGroup) => void;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useStartedActionState(deleteDiskAction, (data) => {
    if (heldRequestOf(data)) return;
    const ids = data.operations.map((op) => op.id);
    onGroup({
      key: `delete-${ids.join(',')}`,
      title: `Delete ${disk.name}`,
      ids,
      onSettled: (ops) => {
        if (allDone(ops)) router.push('/disks');
      },
    });
  });
  const held = state.status === 'ok' ? heldRequestOf(state.data) : null;
  const blocked = deleteProblem(disk, disk.attachment?.hostname ?? null);
  return (
    <div className="space-y-2">
      {blocked ? (
        <p id="delete-blocked" className="text-sm text-zinc-700 dark:text-zinc-300">
          {blocked}
        </p>
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          All the data on this disk is erased
          {disk.type === 'data' && disk.snapshotIds.length > 0
            ? '; its snapshots are separate disks and are kept'
            : ''}
          .
        </p>
      )}
      <ConfirmDialog
        triggerLabel={pending ? 'Deleting…' : 'Delete disk'}
        triggerVariant="danger"
        triggerDisabled={pending || blocked !== null || held !== null}
        title={`Delete ${disk.name}?`}
        description={<p>All the data on this disk is erased. This cannot be undone.</p>}
        confirmLabel="Delete this disk"
        confirmPhrase={disk.name}
        action={formAction}
      >
        <input type="hidden" name="disk_id" value={disk.id} />
        <input type="hidden" name="confirm_name" value={disk.name} />
      </ConfirmDialog>
      <ActionMessage state={state} includeFieldErrors />
      {held ? <SentForApproval why={held.why} /> : null}
    </div>
  );
}
