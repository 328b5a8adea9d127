'use client';

import { OperationProgress } from '@/components/operations/operation-progress';
import type { OperationEvent } from '@/lib/operations/types';

/** A titled set of operations started together (e.g. "Stop web1"), followed live. */
export interface OperationGroup {
  key: string;
  title: string;
  ids: number[];
  onSettled?: (operations: OperationEvent[]) => void;
  /** Re-render the page when they settle (default); off when the page is about to be left. */
  refreshOnDone?: boolean;
}

/**
 * Every operation of this VM being followed: those the page found running (started elsewhere or
 * before a reload) and those started here, each group under its own title. An id is shown once.
 */
export function LiveOperations({
  runningIds,
  groups,
  refreshOthers = true,
}: {
  runningIds: number[];
  groups: OperationGroup[];
  /** False while the VM is being deleted: its page must not re-render into a 404 mid-way. */
  refreshOthers?: boolean;
}) {
  const tracked = new Set(groups.flatMap((group) => group.ids));
  const others = runningIds.filter((id) => !tracked.has(id));
  if (others.length === 0 && groups.length === 0) return null;
  return (
    <section
      aria-label="Progress"
      className="space-y-4 rounded-lg border border-sky-200 bg-sky-50/50 p-4 dark:border-sky-900 dark:bg-sky-950/30"
    >
      {others.length > 0 ? (
        <OperationProgress
          key={others.join(',')}
          ids={others}
          title="Running operations"
          refreshOnDone={refreshOthers}
          startedHere={false}
        />
      ) : null}
      {groups.map((group) => (
        <OperationProgress
          key={group.key}
          ids={group.ids}
          onSettled={group.onSettled}
          refreshOnDone={group.refreshOnDone ?? true}
          title={group.title}
        />
      ))}
    </section>
  );
}
