import { describe, expect, it } from 'vitest';
import { freshTestDb } from '@/lib/team/testing/fresh-db';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { withSharedTables } from '@/lib/shared-state/db';
import { JobQueue } from './job-queue';
import { JobRunner } from './job-runner';

describe.each(TEST_BACKENDS)('durable jobs on %s', (backend) => {
  const openDb = freshTestDb(backend);

  async function setup() {
    const opened = await openDb();
    const clock = { now: 9_000_000 };
    const make = () =>
      new JobQueue(withSharedTables(opened.db), { leaseMs: 30_000, now: () => clock.now });
    return { make, clock };
  }

  it('enqueues once per dedupe key; exactly one of two racing replicas claims a job', async () => {
    const { make } = await setup();
    const [one, two] = [make(), make()];
    const id = await one.enqueue('approval.continue', { requestId: 'r1' }, 'approval:r1');
    expect(await two.enqueue('approval.continue', { requestId: 'r1' }, 'approval:r1')).toBe(id);
    const claims = await Promise.all([
      one.claim('a', ['approval.continue']),
      two.claim('b', ['approval.continue']),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(claims.find(Boolean)).toMatchObject({ id, payload: { requestId: 'r1' }, attempts: 1 });
    expect(await one.claim('c', ['approval.continue'])).toBeNull();
    expect(await one.claim('c', ['other.kind'])).toBeNull();
    expect(await one.depth()).toEqual({ queued: 0, running: 1 });
  });

  it('a dead replica’s job is claimed again after its lease, with its checkpoint', async () => {
    const { make, clock } = await setup();
    const queue = make();
    const id = await queue.enqueue('k', { n: 1 });
    await queue.claim('dead', ['k']);
    expect(await queue.checkpoint(id, 'dead', { step: 'stopped' })).toBe(true);
    clock.now += 10_000;
    expect(await queue.claim('alive', ['k'])).toBeNull();
    clock.now += 21_000;
    // The dead one is no longer the owner once another replica claimed the job.
    const taken = await queue.claim('alive', ['k']);
    expect(taken).toMatchObject({ id, checkpoint: { step: 'stopped' }, attempts: 2 });
    expect(await queue.heartbeat(id, 'dead')).toBe(false);
    expect(await queue.checkpoint(id, 'dead', { step: 'bogus' })).toBe(false);
    expect(await queue.heartbeat(id, 'alive')).toBe(true);
    await queue.complete(id, 'alive');
    expect((await queue.get(id))?.state).toBe('done');
    expect(await queue.depth()).toEqual({ queued: 0, running: 0 });
  });

  it('a released job is claimable at once; a failure is recorded with its message', async () => {
    const { make } = await setup();
    const queue = make();
    const id = await queue.enqueue('k', {});
    await queue.claim('draining', ['k']);
    await queue.release(id, 'draining');
    expect(await queue.claim('other', ['k'])).toMatchObject({ id });
    await queue.fail(id, 'other', 'Operation #7 ended ERROR');
    expect(await queue.get(id)).toMatchObject({
      state: 'failed',
      error: 'Operation #7 ended ERROR',
    });
  });

  it('the runner runs a job to the end, records a failure, and gives the job back when stopped', async () => {
    const { make } = await setup();
    const queue = make();
    const seen: unknown[] = [];
    const failures: string[] = [];
    let block: (() => void) | null = null;
    const runner = new JobRunner(
      queue,
      {
        ok: async (job, ctx) => {
          seen.push(job.payload);
          await ctx.checkpoint({ half: true });
        },
        bad: async () => {
          throw new Error('refused');
        },
        slow: (_job, ctx) =>
          new Promise<void>((resolve) => {
            block = resolve;
            ctx.signal.addEventListener('abort', () => resolve());
          }),
      },
      {
        owner: 'r1',
        pollMs: 1_000,
        heartbeatMs: 1_000,
        describe: (e) => (e instanceof Error ? e.message : 'failed'),
        onFailure: (kind) => failures.push(kind),
      },
    );
    const ok = await queue.enqueue('ok', { a: 1 });
    const bad = await queue.enqueue('bad', {});
    expect(await runner.runOnce()).toBe(true);
    expect(await runner.runOnce()).toBe(true);
    expect(await queue.get(ok)).toMatchObject({ state: 'done', checkpoint: '{"half":true}' });
    expect(await queue.get(bad)).toMatchObject({ state: 'failed', error: 'refused' });
    expect(failures).toEqual(['bad']);
    const slow = await queue.enqueue('slow', {});
    const running = runner.runOnce();
    while (!block) await new Promise((resolve) => setTimeout(resolve, 5));
    await runner.stop();
    await running;
    expect(await queue.get(slow)).toMatchObject({ state: 'queued', lease_owner: null });
    expect(seen).toEqual([{ a: 1 }]);
  });
});
