import { describe, expect, it } from 'vitest';
import { freshTestDb } from '@/lib/team/testing/fresh-db';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { withSharedTables } from './db';
import { ABANDONED_MESSAGE, IdempotencyStore, type IdempotencyOptions } from './idempotency';

class Fault extends Error {}
class Replayed extends Error {}

describe.each(TEST_BACKENDS)('shared idempotency records on %s', (backend) => {
  const openDb = freshTestDb(backend);

  async function setup(options: Partial<IdempotencyOptions> = {}) {
    const opened = await openDb();
    const clock = { now: 5_000_000 };
    const make = () =>
      new IdempotencyStore<{ vmId: number }>(withSharedTables(opened.db), {
        ttlMs: 60_000,
        leaseMs: 30_000,
        waitMs: 10_000,
        pollMs: 5,
        now: () => clock.now,
        forgetOnError: (error) => error instanceof Fault,
        describeError: (error) => (error instanceof Error ? error.message : 'failed'),
        replayError: (message) => new Replayed(message),
        ...options,
      });
    return { make, clock };
  }

  it('runs once for two replicas racing on one key; both get the first result', async () => {
    const { make } = await setup();
    const [one, two] = [make(), make()];
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const create = async () => {
      runs += 1;
      await gate;
      return { vmId: 42 };
    };
    const first = one.run('wizard-1', create);
    const second = two.run('wizard-1', create);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await two.peek('wizard-1')).toEqual({ state: 'pending' });
    release();
    expect(await Promise.all([first, second])).toEqual([{ vmId: 42 }, { vmId: 42 }]);
    expect(runs).toBe(1);
    expect(await one.peek('wizard-1')).toEqual({ state: 'done', result: { vmId: 42 } });
    expect(await two.run('wizard-1', create)).toEqual({ vmId: 42 });
    expect(runs).toBe(1);
  });

  it('a failure that may have done the work is kept; a proven-harmless one is forgotten', async () => {
    const { make } = await setup();
    const store = make();
    await expect(store.run('k1', () => Promise.reject(new Error('timed out')))).rejects.toThrow(
      'timed out',
    );
    await expect(store.run('k1', async () => ({ vmId: 1 }))).rejects.toBeInstanceOf(Replayed);
    await expect(store.run('k2', () => Promise.reject(new Fault('bad image')))).rejects.toThrow(
      'bad image',
    );
    expect(await store.run('k2', async () => ({ vmId: 2 }))).toEqual({ vmId: 2 });
  });

  it('a claim whose runner died is never run again blindly', async () => {
    const { make, clock } = await setup();
    const store = make();
    void store.run('k', () => new Promise(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.now += 31_000;
    expect(await store.peek('k')).toEqual({ state: 'failed', error: ABANDONED_MESSAGE });
    let ran = false;
    await expect(
      make().run('k', async () => {
        ran = true;
        return { vmId: 3 };
      }),
    ).rejects.toThrow(ABANDONED_MESSAGE);
    expect(ran).toBe(false);
  });

  it('expires finished records: the key is free again and the sweep removes them', async () => {
    const { make, clock } = await setup();
    const store = make();
    await store.run('k', async () => ({ vmId: 1 }));
    await store.run('other', async () => ({ vmId: 9 }));
    clock.now += 61_000;
    expect(await store.peek('k')).toBeNull();
    expect(await store.run('k', async () => ({ vmId: 2 }))).toEqual({ vmId: 2 });
    expect(await store.sweep()).toBe(1);
    expect(await store.peek('other')).toBeNull();
  });
});
