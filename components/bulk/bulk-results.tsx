'use client';

import Link from 'next/link';
import { OperationProgress } from '@/components/operations/operation-progress';
import type { OperationEvent } from '@/lib/operations/types';
import { summarize, VERB_LABELS } from './bulk-model';
import { startedTitle, type BulkProgress } from './bulk-progress';

export interface BulkRun {
  /** Tells one batch from the next (an answer for an earlier batch is dropped). */
  serial: number;
  verb: string;
  /** Names as they were when the batch ran (a deleted item leaves the list afterwards). */
  names: Map<number, string>;
  progress: BulkProgress | null;
  error: string | null;
}

/** One result per item: its operations live (each step of a two-step delete), or the refusal. */
export function BulkResults({
  run,
  canDismiss,
  onItemSettled,
  onDismiss,
}: {
  run: BulkRun;
  canDismiss: boolean;
  onItemSettled: (id: number, ops: OperationEvent[]) => void;
  onDismiss: () => void;
}) {
  const label = VERB_LABELS[run.verb] ?? run.verb;
  const progress = run.progress;
  return (
    <section
      aria-label="Bulk action results"
      className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold" aria-live="polite">
          {progress
            ? `${label}: ${summarize(progress.items)}`
            : run.error
              ? `${label} failed`
              : `${label}: sending…`}
        </h2>
        {canDismiss ? (
          <button
            type="button"
            onClick={onDismiss}
            className="text-xs text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
          >
            Dismiss
          </button>
        ) : null}
      </div>
      {run.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {run.error}
        </p>
      ) : null}
      {progress ? (
        <ul className="space-y-2">
          {progress.items.map((item) => {
            const name = run.names.get(item.id) ?? `#${item.id}`;
            return (
              <li key={item.id} aria-label={name} className="text-sm">
                {item.ok ? (
                  <OperationProgress
                    // A new step follows new operations from a fresh stream.
                    key={item.operationIds.join(',')}
                    title={startedTitle(name, item, progress.secondStep.has(item.id))}
                    ids={item.operationIds}
                    refreshOnDone={false}
                    onSettled={(ops) => onItemSettled(item.id, ops)}
                  />
                ) : item.held ? (
                  <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
                    <strong className="font-semibold">{name}: sent for approval.</strong>{' '}
                    {item.message}{' '}
                    <Link href="/team/approvals" className="underline">
                      Follow your requests
                    </Link>
                  </p>
                ) : (
                  <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
                    <strong className="font-semibold">{name}: refused.</strong> {item.message}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
