'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { trackStartedOperations } from '@/components/notifications/track';
import { describeOperationType, type OperationEvent } from '@/lib/operations/types';
import { OperationRow } from './operation-row';
import { StreamNotice } from './stream-notice';
import { useOperationStream } from './use-operation-stream';

export interface OperationProgressProps {
  ids: readonly number[];
  /** What the server already knows (e.g. the ops a mutation returned), shown before the stream connects. */
  initial?: readonly OperationEvent[];
  /** Called once every operation is final (DONE, ERROR, CANCEL, SUPPORT). */
  onSettled?: (ops: OperationEvent[]) => void;
  /** Re-render the page from the server once they settle, so the affected resource shows its new state. */
  refreshOnDone?: boolean;
  title?: string;
  /** False for operations found running (started elsewhere): no end-of-operation toast for them. */
  startedHere?: boolean;
}

/** Live progress of some operations, streamed over SSE from the account's watcher. */
export function OperationProgress({
  ids,
  initial,
  onSettled,
  refreshOnDone = true,
  title,
  startedHere = true,
}: OperationProgressProps) {
  const router = useRouter();
  // Shown live because this browser just started them: every tab toasts when they end.
  const idList = ids.join(',');
  useEffect(() => {
    if (startedHere) trackStartedOperations(idList.split(',').filter(Boolean).map(Number));
  }, [idList, startedHere]);
  const { operations, missing, status, problem } = useOperationStream(
    { ids },
    {
      initial,
      onSettled: (ops) => {
        onSettled?.(ops);
        if (refreshOnDone) router.refresh();
      },
    },
  );
  const shown = ids
    .map((id) => operations.get(id))
    .filter((op): op is OperationEvent => op !== undefined);
  const announcement = shown
    .map((op) => `${describeOperationType(op.type)}: ${op.step}`)
    .join('. ');
  return (
    <section
      aria-label={title ?? 'Operation progress'}
      className="rounded-lg border border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {title ? <h2 className="pt-3 text-sm font-semibold">{title}</h2> : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {shown.map((op) => (
          <OperationRow key={op.id} op={op} />
        ))}
        {ids
          .filter((id) => !operations.has(id))
          .map((id) => (
            <li key={id} className="py-3 text-sm text-zinc-600 dark:text-zinc-400">
              {missing.has(id)
                ? `Operation #${id} was not found for this account.`
                : `Operation #${id}: waiting for news…`}
            </li>
          ))}
      </ul>
      <StreamNotice status={status} problem={problem} className="pb-3" />
    </section>
  );
}
