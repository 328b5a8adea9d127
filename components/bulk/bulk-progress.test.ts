import { describe, expect, it } from 'vitest';
import type { BulkItemResult, BulkJobItem, BulkJobProgress } from './bulk-model';
import {
  allFinished,
  awaitingJob,
  finishItem,
  jobItemOf,
  jobOf,
  startedTitle,
  startProgress,
  withJobProgress,
} from './bulk-progress';

const queued = (id: number): BulkItemResult => ({ id, ok: true, jobId: 'job-1' });
const item = (over: Partial<BulkJobItem>): BulkJobItem => ({
  state: 'running',
  phase: 'stopping',
  operationIds: [20],
  stopIds: [],
  ...over,
});
const job = (items: Record<string, BulkJobItem>, state: BulkJobProgress['state'] = 'queued') => ({
  state,
  items,
  error: state === 'failed' ? 'The workspace of this job is gone.' : null,
});

describe('a bulk VM delete followed through its job', () => {
  it('finishes each item when the job says it is deleted or failed, and the batch when all are', () => {
    let progress = startProgress([queued(1), queued(2), { id: 3, ok: false, message: 'no' }]);
    expect(jobOf(progress)).toBe('job-1');
    expect(awaitingJob(progress)).toBe(true);
    expect(jobItemOf(progress, 1).state).toBe('queued');
    expect(startedTitle('a', jobItemOf(progress, 1))).toBe('a: queued');

    progress = withJobProgress(
      progress,
      job({ 1: item({ phase: 'deleting', operationIds: [10], state: 'deleted' }), 2: item({}) }),
    );
    expect([...progress.finished]).toEqual([1]);
    expect(allFinished(progress)).toBe(false);
    expect(startedTitle('a', jobItemOf(progress, 1))).toBe('a: deleting');
    expect(startedTitle('b', jobItemOf(progress, 2))).toBe('b: stopping (step 1 of 2)');

    progress = withJobProgress(
      progress,
      job({
        1: item({ phase: 'deleting', operationIds: [10], state: 'deleted' }),
        2: item({ phase: 'deleting', operationIds: [21], stopIds: [20] }),
      }),
    );
    expect(startedTitle('b', jobItemOf(progress, 2))).toBe('b: stopped, deleting (step 2 of 2)');
    expect(awaitingJob(progress)).toBe(true);

    progress = withJobProgress(
      progress,
      job(
        {
          1: item({ phase: 'deleting', operationIds: [10], state: 'deleted' }),
          2: item({ phase: 'deleting', operationIds: [21], stopIds: [20], state: 'deleted' }),
        },
        'done',
      ),
    );
    expect(awaitingJob(progress)).toBe(false);
    expect(allFinished(progress)).toBe(true);
  });

  it('a job that failed as a whole ends every item it had not reached', () => {
    let progress = startProgress([queued(1), queued(2)]);
    progress = withJobProgress(progress, job({}, 'failed'));
    expect(awaitingJob(progress)).toBe(false);
    expect(allFinished(progress)).toBe(true);
    expect(progress.job?.error).toMatch(/gone/);
  });

  it('items that started operations themselves finish when those settle', () => {
    let progress = startProgress([{ id: 1, ok: true, operationIds: [10] }]);
    expect(jobOf(progress)).toBeNull();
    expect(awaitingJob(progress)).toBe(false);
    expect(allFinished(progress)).toBe(false);
    progress = finishItem(progress, 1);
    expect(finishItem(progress, 1)).toBe(progress);
    expect(allFinished(progress)).toBe(true);
    expect(startedTitle('a', null)).toBe('a: started');
  });

  it('a batch refused outright never counts as finished (nothing to re-read)', () => {
    expect(allFinished(startProgress([{ id: 1, ok: false, message: 'no' }]))).toBe(false);
  });
});
