'use client';

import { cn } from '@/components/ui/cn';
import { textLinkClasses } from '@/components/ui/text-link';
import Link from 'next/link';
import { rollbackDiskAction } from '@/app/(panel)/disks/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatMemory } from '@/components/vms/format';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { rollbackProblem } from '@/lib/validation/disk';
import { ActionMessage } from '@/components/ui/action-message';
import { DiskStateBadge } from './disk-type-badge';
import type { DiskView, OnStarted, SnapshotView } from './disk-view';

function RollbackButton({
  disk,
  snapshot,
  later,
  blocked,
  onStarted,
}: {
  disk: DiskView;
  snapshot: SnapshotView;
  /** Why a rollback would be refused now (shown above the table), or null. */
  blocked: string | null;
  /** Snapshots taken after this one: a rollback loses them. */
  later: SnapshotView[];
  onStarted: OnStarted;
}) {
  const [state, formAction] = useStartedActionState(rollbackDiskAction, (data) =>
    onStarted(`Roll back ${disk.name} to ${snapshot.name}`, data),
  );
  return (
    <div>
      <ConfirmDialog
        triggerLabel="Roll back"
        triggerVariant="secondary"
        triggerDisabled={blocked !== null}
        title={`Roll back ${disk.name} to ${snapshot.name}?`}
        description={
          <>
            <p>
              The disk&apos;s current data is replaced by this snapshot&apos;s ({snapshot.created}).
            </p>
            {later.length > 0 ? (
              <p className="mt-2 font-medium">
                Later snapshots are lost: {later.map((s) => s.name).join(', ')}.
              </p>
            ) : (
              <p className="mt-2">This is the latest snapshot: no other snapshot is lost.</p>
            )}
          </>
        }
        confirmLabel="Roll back"
        action={formAction}
      >
        <input type="hidden" name="disk_id" value={disk.id} />
        <input type="hidden" name="snapshot_id" value={snapshot.id} />
      </ConfirmDialog>
      <ActionMessage state={state} includeFieldErrors />
    </div>
  );
}

/** The disk's snapshots, newest first, each with a rollback (warning that later ones are lost). */
export function DiskSnapshots({
  disk,
  snapshots,
  onStarted,
}: {
  disk: DiskView;
  snapshots: SnapshotView[];
  onStarted: OnStarted;
}) {
  if (snapshots.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No snapshot yet. Take one before a risky change, or set a snapshot profile.
      </p>
    );
  }
  const attachedVm = disk.attachment
    ? { hostname: disk.attachment.hostname, state: disk.attachment.vmState ?? 'unknown' }
    : null;
  // The same reason applies to every snapshot: say it once, before any button is pressed.
  const blocked = rollbackProblem(disk, snapshots[0]?.id ?? 0, attachedVm);
  return (
    <div className="space-y-2">
      {blocked ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          {blocked}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Snapshots of {disk.name}</caption>
          <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-4">
                Name
              </th>
              <th scope="col" className="py-1 pr-4">
                Taken
              </th>
              <th scope="col" className="py-1 pr-4 text-right">
                Size
              </th>
              <th scope="col" className="py-1 pr-4">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((snapshot, index) => (
              <tr
                key={snapshot.id}
                className="border-t border-zinc-100 align-top dark:border-zinc-800"
              >
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  <Link href={`/disks/${snapshot.id}`} className={cn('break-all', textLinkClasses)}>
                    {snapshot.name}
                  </Link>
                  {snapshot.state !== 'created' ? (
                    <span className="ml-2">
                      <DiskStateBadge state={snapshot.state} />
                    </span>
                  ) : null}
                </th>
                <td className="py-2 pr-4 whitespace-nowrap">{snapshot.created}</td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {formatMemory(snapshot.sizeMb)}
                </td>
                <td className="py-2 pr-4">
                  {snapshot.state === 'created' ? (
                    <RollbackButton
                      disk={disk}
                      snapshot={snapshot}
                      later={snapshots.slice(0, index)}
                      blocked={blocked}
                      onStarted={onStarted}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
