'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { isFinalStep, type OperationEvent } from '@/lib/operations/types';
import { OperationRow } from './operation-row';
import { StreamNotice } from './stream-notice';
import { useOperationStream } from './use-operation-stream';

/**
 * Every operation running on the account, live (new ones appear, finished ones show their outcome).
 * When one finishes, the server-rendered parts of the page are refreshed (lists, counts).
 */
export function RunningOperations({
  initial,
  emptyHint,
}: {
  initial: readonly OperationEvent[];
  emptyHint?: string;
}) {
  const router = useRouter();
  const { operations, status, problem } = useOperationStream({ running: true }, { initial });
  const list = [...operations.values()].sort((a, b) => b.dateCreated.localeCompare(a.dateCreated));
  const finishedCount = list.filter((op) => isFinalStep(op.step)).length;
  const lastRefreshed = useRef(finishedCount);
  useEffect(() => {
    if (finishedCount > lastRefreshed.current) {
      lastRefreshed.current = finishedCount;
      router.refresh();
    }
  }, [finishedCount, router]);
  return (
    <div>
      {list.length === 0 ? (
        <EmptyState
          title="Nothing is running"
          description={emptyHint ?? 'Operations you start appear here live.'}
        />
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-live="polite">
          {list.map((op) => (
            <OperationRow key={op.id} op={op} />
          ))}
        </ul>
      )}
      <StreamNotice status={status} problem={problem} className="mt-2" />
    </div>
  );
}
