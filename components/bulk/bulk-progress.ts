/**
 * How a batch's per-item results move on in the browser. Most items take one step: the operations
 * they started settle and they are finished. A VM delete runs as a durable job on the server (stop
 * a running VM, then delete it — on whichever replica holds the job): its items follow the job's
 * progress, read again until each item is deleted or failed. Plain functions over plain data, so
 * the flow is testable.
 */
import type { BulkItemResult, BulkJobItem, BulkJobProgress } from './bulk-model';

export interface BulkProgress {
  items: readonly BulkItemResult[];
  /** Items at their end: their operations settled, or their job item deleted or failed. */
  finished: ReadonlySet<number>;
  /** The last progress read of the batch's job (VM delete), if it has one. */
  job: BulkJobProgress | null;
}

export function startProgress(items: readonly BulkItemResult[]): BulkProgress {
  return { items, finished: new Set(), job: null };
}

/** The job this batch waits for (its queued items share one). */
export function jobOf(progress: BulkProgress): string | null {
  for (const item of progress.items) if (item.ok && item.jobId) return item.jobId;
  return null;
}

/** The item's operations settled and nothing follows. */
export function finishItem(progress: BulkProgress, id: number): BulkProgress {
  if (progress.finished.has(id)) return progress;
  return { ...progress, finished: new Set(progress.finished).add(id) };
}

/** A job item at its end (a job that ended takes every item with it). */
function jobItemEnded(job: BulkJobProgress, id: number): boolean {
  const state = job.items[String(id)]?.state;
  return state === 'deleted' || state === 'failed' || job.state !== 'queued';
}

/** A new read of the job: its items that ended are finished. */
export function withJobProgress(progress: BulkProgress, job: BulkJobProgress): BulkProgress {
  const finished = new Set(progress.finished);
  for (const item of progress.items) {
    if (item.ok && item.jobId && jobItemEnded(job, item.id)) finished.add(item.id);
  }
  return { ...progress, job, finished };
}

/** Items the job still works on (the batch cannot be dismissed or replaced meanwhile). */
export function awaitingJob(progress: BulkProgress): boolean {
  return progress.items.some((item) => item.ok && item.jobId && !progress.finished.has(item.id));
}

/**
 * Time to re-read the list: every started item is finished and at least one operation ran or a
 * job ended (a batch refused outright changed nothing).
 */
export function allFinished(progress: BulkProgress): boolean {
  return (
    progress.finished.size > 0 &&
    progress.items.every((item) => !item.ok || progress.finished.has(item.id))
  );
}

/** The job's record of one item (queued until the job reached it). */
export function jobItemOf(progress: BulkProgress, id: number): BulkJobItem {
  return (
    progress.job?.items[String(id)] ?? {
      state: 'queued',
      phase: null,
      operationIds: [],
      stopIds: [],
    }
  );
}

/** The heading of a started item's live operations. */
export function startedTitle(name: string, item: BulkJobItem | null): string {
  if (!item) return `${name}: started`;
  if (item.phase === 'stopping') return `${name}: stopping (step 1 of 2)`;
  if (item.phase === 'deleting')
    return item.stopIds.length > 0
      ? `${name}: stopped, deleting (step 2 of 2)`
      : `${name}: deleting`;
  return `${name}: queued`;
}
