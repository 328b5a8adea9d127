import { describe, expect, it } from 'vitest';
import type { BulkItemResult } from './bulk-model';
import {
  allFinished,
  awaitingSecondStep,
  beginSecondStep,
  finishItem,
  needsSecondStep,
  startProgress,
  startedTitle,
  withSecondStepResult,
} from './bulk-progress';

const stopping = (id: number, op: number): BulkItemResult => ({
  id,
  ok: true,
  operationIds: [op],
  phase: 'stopping',
});
const deleting = (id: number, op: number): BulkItemResult => ({
  id,
  ok: true,
  operationIds: [op],
  phase: 'deleting',
});
const done = [{ step: 'DONE' }];

describe('a bulk VM delete of one halted and two running VMs', () => {
  it('finishes only when both stops are followed by their deletes', () => {
    let progress = startProgress([deleting(1, 10), stopping(2, 20), stopping(3, 30)]);
    expect(awaitingSecondStep(progress)).toBe(true);

    // The halted VM's delete settles: the others still wait.
    expect(needsSecondStep(progress.items[0], done)).toBe(false);
    progress = finishItem(progress, 1);
    expect(allFinished(progress)).toBe(false);

    // VM 2's stop is DONE: it asks for the delete, and is not finished until that settles.
    expect(needsSecondStep(progress.items[1], done)).toBe(true);
    progress = beginSecondStep(progress, 2);
    progress = withSecondStepResult(progress, deleting(2, 21));
    expect(progress.items[1]).toEqual(deleting(2, 21));
    expect(startedTitle('b', progress.items[1] as BulkItemResult, progress.secondStep.has(2))).toBe(
      'b: stopped, deleting (step 2 of 2)',
    );
    expect(allFinished(progress)).toBe(false);
    progress = finishItem(progress, 2);

    // VM 3 likewise; then everything has settled.
    progress = withSecondStepResult(beginSecondStep(progress, 3), deleting(3, 31));
    expect(awaitingSecondStep(progress)).toBe(false);
    expect(allFinished(progress)).toBe(false);
    progress = finishItem(progress, 3);
    expect(allFinished(progress)).toBe(true);
    expect(progress.items.map((item) => item.ok && item.operationIds)).toEqual([[10], [21], [31]]);
  });

  it('a stop that ends in ERROR is not followed by a delete: the item is finished as it is', () => {
    let progress = startProgress([stopping(2, 20)]);
    const failed = [{ step: 'ERROR' }];
    expect(needsSecondStep(progress.items[0], failed)).toBe(false);
    progress = finishItem(progress, 2);
    expect(progress.items[0]).toEqual(stopping(2, 20));
    expect(awaitingSecondStep(progress)).toBe(false);
    expect(allFinished(progress)).toBe(true);
  });

  it('a second step refused ends the item with the refusal', () => {
    let progress = startProgress([stopping(2, 20), deleting(1, 10)]);
    progress = finishItem(progress, 1);
    progress = withSecondStepResult(beginSecondStep(progress, 2), {
      id: 2,
      ok: false,
      message: 'This VM is being created: it can be deleted once it is running or halted.',
    });
    expect(progress.items[0]?.ok).toBe(false);
    expect(allFinished(progress)).toBe(true);
  });

  it('finishing twice (a stream that reconnects and settles again) changes nothing', () => {
    const once = finishItem(startProgress([deleting(1, 10)]), 1);
    expect(finishItem(once, 1)).toBe(once);
  });
});

describe('needsSecondStep', () => {
  it('is for a stopping delete whose operations all ended DONE', () => {
    expect(needsSecondStep(stopping(1, 1), [])).toBe(false);
    expect(needsSecondStep(stopping(1, 1), [{ step: 'DONE' }, { step: 'CANCEL' }])).toBe(false);
    expect(needsSecondStep({ id: 1, ok: true, operationIds: [1] }, done)).toBe(false);
    expect(needsSecondStep({ id: 1, ok: false, message: 'no' }, done)).toBe(false);
    expect(needsSecondStep(undefined, done)).toBe(false);
  });
});

describe('allFinished', () => {
  it('is false for a batch refused outright (nothing ran, nothing to re-read)', () => {
    expect(allFinished(startProgress([{ id: 1, ok: false, message: 'no' }]))).toBe(false);
  });
  it('counts refused items as ended', () => {
    const progress = startProgress([
      { id: 1, ok: false, message: 'no' },
      { id: 2, ok: true, operationIds: [5] },
    ]);
    expect(allFinished(progress)).toBe(false);
    expect(allFinished(finishItem(progress, 2))).toBe(true);
  });
});

describe('startedTitle', () => {
  it('names the step of a delete, and "started" for other verbs', () => {
    expect(startedTitle('a', stopping(1, 1), false)).toBe('a: stopping (step 1 of 2)');
    expect(startedTitle('a', deleting(1, 1), false)).toBe('a: deleting');
    expect(startedTitle('a', { id: 1, ok: true, operationIds: [1] }, false)).toBe('a: started');
  });
});
