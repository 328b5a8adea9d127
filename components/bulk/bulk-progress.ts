/**
 * How a batch's per-item results move on in the browser. Most items take one step: the operations
 * they started settle and they are finished. A VM delete of a running VM takes two (as on the VM
 * page): its stop settles DONE, the browser asks again for that item, and the delete it then
 * starts is what finishes it. Plain functions over plain data, so the flow is testable.
 */
import type { BulkItemResult } from './bulk-model';

export interface BulkProgress {
  items: readonly BulkItemResult[];
  /** Items at their end: their last operations settled, or their second step was refused. */
  finished: ReadonlySet<number>;
  /** Items whose stop was DONE and whose delete was then asked for (step 2 of 2). */
  secondStep: ReadonlySet<number>;
}

export function startProgress(items: readonly BulkItemResult[]): BulkProgress {
  return { items, finished: new Set(), secondStep: new Set() };
}

/** True when `item`'s settled operations call for its second step (a stop that ended DONE). */
export function needsSecondStep(
  item: BulkItemResult | undefined,
  ops: readonly { step: string }[],
): boolean {
  return (
    item?.ok === true &&
    item.phase === 'stopping' &&
    ops.length > 0 &&
    ops.every((op) => op.step === 'DONE')
  );
}

/** The item's operations settled and nothing follows (done, or a stop that ended in ERROR). */
export function finishItem(progress: BulkProgress, id: number): BulkProgress {
  if (progress.finished.has(id)) return progress;
  return { ...progress, finished: new Set(progress.finished).add(id) };
}

export function beginSecondStep(progress: BulkProgress, id: number): BulkProgress {
  return { ...progress, secondStep: new Set(progress.secondStep).add(id) };
}

/**
 * The answer to an item's second request replaces its result; a refusal ends the item (what it
 * started before, the stop, has settled already).
 */
export function withSecondStepResult(progress: BulkProgress, result: BulkItemResult): BulkProgress {
  const items = progress.items.map((item) => (item.id === result.id ? result : item));
  const next = { ...progress, items };
  return result.ok ? next : finishItem(next, result.id);
}

/** Items between their two steps (stop sent, delete not yet finished). */
export function awaitingSecondStep(progress: BulkProgress): boolean {
  return progress.items.some(
    (item) => item.ok && item.phase === 'stopping' && !progress.finished.has(item.id),
  );
}

/**
 * Time to re-read the list: every started item is finished (second steps included) and at least
 * one operation ran (a batch refused outright changed nothing).
 */
export function allFinished(progress: BulkProgress): boolean {
  return (
    progress.finished.size > 0 &&
    progress.items.every((item) => !item.ok || progress.finished.has(item.id))
  );
}

/** The heading of a started item's live operations. */
export function startedTitle(name: string, item: BulkItemResult, secondStep: boolean): string {
  if (!item.ok) return name;
  if (item.phase === 'stopping') return `${name}: stopping (step 1 of 2)`;
  if (item.phase === 'deleting')
    return secondStep ? `${name}: stopped, deleting (step 2 of 2)` : `${name}: deleting`;
  return `${name}: started`;
}
