import { describe, expect, it } from 'vitest';
import { freshTestDb } from '@/lib/team/testing/fresh-db';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { withSharedTables } from './db';
import { PersonalSessions } from './personal-sessions';

const ALICE = { endpointId: 'simulator', handle: 'AA1-GANDI' };
const BOB = { endpointId: 'simulator', handle: 'BB2-GANDI' };

describe.each(TEST_BACKENDS)('personal session records on %s', (backend) => {
  const openDb = freshTestDb(backend);

  async function setup() {
    const opened = await openDb();
    const clock = { now: 7_000_000 };
    const make = () =>
      new PersonalSessions(withSharedTables(opened.db), { ttlMs: 60_000, now: () => clock.now });
    return { make, clock };
  }

  it('a session ended on one replica is ended on the other at once', async () => {
    const { make } = await setup();
    const [one, two] = [make(), make()];
    const id = await one.create(ALICE);
    expect(await two.isLive(id, ALICE)).toBe(true);
    await one.end(id);
    expect(await two.isLive(id, ALICE)).toBe(false);
  });

  it('sign out everywhere ends every session of the account and no other', async () => {
    const { make } = await setup();
    const store = make();
    const [a1, a2, b1] = [
      await store.create(ALICE),
      await store.create(ALICE),
      await store.create(BOB),
    ];
    expect(await store.endEverywhere(ALICE)).toBe(2);
    expect(await store.isLive(a1, ALICE)).toBe(false);
    expect(await store.isLive(a2, ALICE)).toBe(false);
    expect(await store.isLive(b1, BOB)).toBe(true);
  });

  it('refuses an unknown id, another account’s id, and an expired one; sweeps expired rows', async () => {
    const { make, clock } = await setup();
    const store = make();
    const id = await store.create(ALICE);
    expect(await store.isLive('forged-id', ALICE)).toBe(false);
    expect(await store.isLive(id, BOB)).toBe(false);
    clock.now += 60_001;
    expect(await store.isLive(id, ALICE)).toBe(false);
    expect(await store.sweep()).toBe(1);
  });
});
