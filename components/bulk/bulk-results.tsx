'use client';

import Link from 'next/link';
import { OperationProgress } from '@/components/operations/operation-progress';
import type { OperationEvent } from '@/lib/operations/types';
import { summarize, VERB_LABELS } from './bulk-model';
import { jobItemOf, startedTitle, type BulkProgress } from './bulk-progress';

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
                {item.ok && !('operationIds' in item) ? (
                  <JobItem name={name} progress={progress} id={item.id} />
                ) : item.ok ? (
                  <OperationProgress
                    key={item.operationIds.join(',')}
                    title={startedTitle(name, null)}
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

/** One VM of a bulk delete job: the operations of its current step, live, and how it ended. */
function JobItem({ name, progress, id }: { name: string; progress: BulkProgress; id: number }) {
  const item = jobItemOf(progress, id);
  const jobError = progress.job?.state === 'failed' ? progress.job.error : null;
  const message = item.message ?? (item.state === 'deleted' ? null : jobError);
  // A fragment: each step's section is the list item's own child, like other items' results.
  return (
    <>
      {item.phase === 'deleting' && item.stopIds.length > 0 ? (
        // The stop that came first stays shown above its delete.
        <OperationProgress
          key={item.stopIds.join(',')}
          title={startedTitle(name, { ...item, phase: 'stopping' })}
          ids={item.stopIds}
          refreshOnDone={false}
        />
      ) : null}
      {item.operationIds.length > 0 ? (
        <OperationProgress
          // A new step follows new operations from a fresh stream.
          key={item.operationIds.join(',')}
          title={startedTitle(name, item)}
          ids={item.operationIds}
          refreshOnDone={false}
        />
      ) : (
        <p className="text-zinc-700 dark:text-zinc-300">
          <strong className="font-semibold">{name}:</strong>{' '}
          {item.state === 'deleted' ? 'already gone.' : message ? 'not deleted.' : 'queued…'}
        </p>
      )}
      {message ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
        >
          {message}
        </p>
      ) : null}
    </>
  );
}
