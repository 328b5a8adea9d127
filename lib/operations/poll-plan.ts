import type { OperationEvent } from './types';

/**
 * When the watcher polls next: where an operation's `eta` says a change is due rather than on a
 * fixed period, so a step change reaches the browser within about `floorMs` while an operation
 * that has far to go costs few calls.
 */
export interface WatcherTimings {
  /** Shortest gap between two polls while a change is due (or may come at any moment). */
  floorMs: number;
  /** Longest gap while anything watched runs (an estimate may be wrong; a cancel is not foretold). */
  ceilingMs: number;
  /** While only "running operations" are watched and none runs. */
  slowMs: number;
  /** Upper bound of the back-off after upstream failures. */
  maxBackoffMs: number;
}

export const DEFAULT_TIMINGS: WatcherTimings = {
  floorMs: 150,
  ceilingMs: 2_000,
  slowMs: 5_000,
  maxBackoffMs: 30_000,
};

/** The most ids one `operation.list` call asks for (the API's page size limit). */
export const MAX_IDS_PER_CALL = 100;

/** Splits `ids` into the calls that fetch them, `MAX_IDS_PER_CALL` at most each. */
export function idBatches(ids: readonly number[], size = MAX_IDS_PER_CALL): number[][] {
  const batches: number[][] = [];
  for (let start = 0; start < ids.length; start += size)
    batches.push(ids.slice(start, start + size));
  return batches;
}

/**
 * The earliest instant the next step change of a running operation can happen, seen at `seenAt`.
 * The API's `eta` is whole seconds until the end (rounded up), so the end comes within the last
 * second of it. An operation waiting to start, or without an estimate, may move at any moment.
 */
export function changeDueAt(event: OperationEvent, seenAt: number, stepSince: number): number {
  if (event.step === 'RUN' && event.eta !== null && event.eta > 0)
    return seenAt + (event.eta - 1) * 1_000;
  return stepSince;
}

/**
 * How long to wait for an operation whose change is due at `dueAt`: until then (at most the
 * ceiling); once due, the floor, stretched the longer the estimate has proved wrong.
 */
export function delayUntilDue(dueAt: number, now: number, timings: WatcherTimings): number {
  if (now < dueAt) return Math.min(dueAt - now, timings.ceilingMs);
  const overdue = now - dueAt;
  return Math.min(Math.max(timings.floorMs, Math.round(overdue / 8)), timings.ceilingMs);
}
