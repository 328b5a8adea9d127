import { describe, expect, it } from 'vitest';
import { freshTestDb } from '@/lib/team/testing/fresh-db';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { withSharedTables } from './db';
import { StreamSlots } from './stream-slots';

describe.each(TEST_BACKENDS)('stream slots per session on %s', (backend) => {
  const openDb = freshTestDb(backend);

  async function replicas(max = 3) {
    const opened = await openDb();
    const clock = { now: 1_000_000 };
    const make = () =>
      new StreamSlots(withSharedTables(opened.db), { max, ttlMs: 60_000, now: () => clock.now });
    return { one: make(), two: make(), clock };
  }

  it('counts one session across replicas, and sessions apart', async () => {
    const { one, two } = await replicas(3);
    expect(await one.acquire('member:a')).not.toBeNull();
    expect(await two.acquire('member:a')).not.toBeNull();
    const third = await one.acquire('member:a');
    expect(third).not.toBeNull();
    // Counted per process, the second replica would have given a fourth.
    expect(await two.acquire('member:a')).toBeNull();
    expect(await two.acquire('member:b')).not.toBeNull();
    // A closed stream gives its slot back, to either replica.
    await third!.release();
    expect(await two.acquire('member:a')).not.toBeNull();
    expect(await one.acquire('member:a')).toBeNull();
  });

  it('never gives more than the limit to streams opened at the same moment', async () => {
    const { one, two } = await replicas(5);
    const slots = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? one : two).acquire('member:a')),
    );
    expect(slots.filter(Boolean)).toHaveLength(5);
  });

  it('frees the slots of a replica that died once they expire; refreshed slots stay', async () => {
    const { one, two, clock } = await replicas(2);
    const kept = await one.acquire('member:a');
    const dead = await one.acquire('member:a'); // its replica stalls: never refreshed
    clock.now += 50_000;
    await kept!.refresh();
    clock.now += 20_000;
    expect(await two.acquire('member:a')).not.toBeNull();
    expect(await two.acquire('member:a')).toBeNull();
    // The stalled stream's late release does not free the slot someone else now holds.
    await dead!.release();
    expect(await one.acquire('member:a')).toBeNull();
  });
});
