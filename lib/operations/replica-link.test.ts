import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { operationList, vmStop, type GandiConnection } from '@/lib/gandi';
import { openTestDb, TEST_BACKENDS, type TestDb } from '@/lib/team/testing/test-db';
import { startSimulator, type Simulator } from '@/simulator';
import { PgNotifier } from './pg-notifier';
import { ReplicaLink } from './replica-link';
import { LocalNotifier, WatchBoard, type Notifier } from './watch-board';
import { AccountWatcher, watcherKey, type WatcherDeps, type WatcherMessage } from './watcher';

/**
 * Two replicas in one test process: two watchers of one account, each with its own board handle
 * (its own replica id) on one database — SQLite with in-process notes, PostgreSQL with
 * LISTEN/NOTIFY. Clocks and schedulers are the test's: polls and heartbeats run when it says.
 */
let sim: Simulator;
let now = Date.UTC(2026, 0, 1, 12, 0, 0);
const LEASE_MS = 4_000;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, quiet: true, now: () => now });
});
afterAll(async () => {
  await sim.close();
});

let channelCounter = 0;

describe.each(TEST_BACKENDS)('one watcher per account across replicas on %s', (backend) => {
  let opened: TestDb | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await opened?.dispose();
    opened = undefined;
  });

  async function notifiers(): Promise<[Notifier, Notifier]> {
    if (backend === 'sqlite') {
      const local = new LocalNotifier();
      return [local, local];
    }
    channelCounter += 1;
    const channel = `watch_test_${process.pid}_${channelCounter}`;
    const make = async () => {
      const notifier = new PgNotifier(process.env.TEST_DATABASE_URL!, opened!.db, channel);
      await notifier.ready();
      cleanups.push(() => notifier.close());
      return notifier;
    };
    return [await make(), await make()];
  }

  /** A replica: its board handle, its watcher of `conn`, what its streams received. */
  async function replicas(conn: GandiConnection) {
    opened = await openTestDb(backend);
    const [n1, n2] = await notifiers();
    const make = (name: string, notifier: Notifier) =>
      watcherOn(
        new WatchBoard(opened!.db, notifier, name, { leaseMs: LEASE_MS, now: () => now }),
        conn,
      );
    return [make('replica-1', n1), make('replica-2', n2)] as const;
  }

  /** A watcher of `conn` on the replica of `board`, and what its streams received. */
  function watcherOn(board: WatchBoard, conn: GandiConnection) {
    let link!: ReplicaLink;
    let calls = 0;
    const deps: WatcherDeps = {
      operationList: (c, options) => {
        calls += 1;
        return operationList(c, options);
      },
      schedule: () => () => undefined,
      timings: { floorMs: 100, ceilingMs: 1_000, slowMs: 5_000, maxBackoffMs: 30_000 },
      now: () => now,
      link: (account, watcher) =>
        (link = new ReplicaLink(
          board,
          account,
          watcher,
          () => () => undefined,
          undefined,
          () => now,
        )),
    };
    const watcher = new AccountWatcher(conn, deps);
    const received: WatcherMessage[] = [];
    return {
      board,
      watcher,
      received,
      link: () => link,
      calls: () => calls,
      steps: (id: number) =>
        received.flatMap((m) => (m.kind === 'operation' && m.op.id === id ? [m.op.step] : [])),
      subscribe: (ids: number[]) => watcher.subscribe({ ids }, (m) => received.push(m)),
    };
  }

  async function stoppingVms(count: number) {
    now = Math.ceil(now / 1_000) * 1_000 + 60_000;
    const { apiKey } = sim.control.createAccount({ credits: 100_000 });
    const conn = { endpoint: sim.url, apiKey };
    const { vmIds } = sim.control.createVms({ apiKey, count });
    const ops = await Promise.all(vmIds.map((id) => vmStop(conn, id)));
    return { conn, ids: ops.map((op) => op.id) };
  }

  it('only the lease holder polls, for the union of ids; the other replica gets every event', async () => {
    const { conn, ids } = await stoppingVms(3);
    const [a, b, c] = ids as [number, number, number];
    const [one, two] = await replicas(conn);
    one.subscribe([a, b]);
    await one.link().heartbeat();
    expect(one.watcher.isLeader).toBe(true);
    two.subscribe([b, c]);
    await two.link().heartbeat();
    expect(two.watcher.isLeader).toBe(false);
    await one.link().heartbeat(); // reads what replica 2 watches

    await one.watcher.poll();
    await two.watcher.poll(); // not the leader: no upstream call
    expect(one.calls()).toBe(1);
    expect(two.calls()).toBe(0);
    await vi.waitFor(() => expect([two.steps(b), two.steps(c)]).toEqual([['WAIT'], ['WAIT']]));
    expect(one.steps(c)).toEqual([]); // replica 1's own streams never asked for c

    now += 10_000;
    await one.watcher.poll();
    await vi.waitFor(() => expect(two.steps(c)).toEqual(['WAIT', 'DONE']));
    expect(two.steps(b)).toEqual(['WAIT', 'DONE']);
    expect(one.steps(a)).toEqual(['WAIT', 'DONE']);
    expect(two.calls()).toBe(0);
    // What the replicas share names the account by a digest: the key is nowhere in it.
    const shared = await Promise.all(
      ['operation_watch_leases', 'operation_watch_ids', 'operation_watch_state'].map((table) =>
        sql`select * from ${sql.table(table)}`.execute(opened!.db).then((result) => result.rows),
      ),
    );
    expect(shared.flat().length).toBeGreaterThan(0);
    expect(JSON.stringify(shared)).not.toContain(conn.apiKey);
    expect(JSON.stringify(shared)).toContain(watcherKey(conn));
  });

  it('moves the lease when its holder stops renewing it (a crash), and the new holder polls', async () => {
    const { conn, ids } = await stoppingVms(1);
    const [id] = ids as [number];
    const [one, two] = await replicas(conn);
    one.subscribe([id]);
    await one.link().heartbeat();
    two.subscribe([id]);
    await two.link().heartbeat();
    await one.watcher.poll();
    await vi.waitFor(() => expect(two.steps(id)).toEqual(['WAIT']));

    one.link().abandon(); // no heartbeat, no release: the process is gone
    now += LEASE_MS - 1;
    await two.link().heartbeat();
    expect(two.watcher.isLeader).toBe(false); // not before the lease expired
    now += 10_000;
    await two.link().heartbeat();
    expect(two.watcher.isLeader).toBe(true);
    await two.watcher.poll();
    expect(two.calls()).toBeGreaterThan(0);
    expect(two.steps(id)).toEqual(['WAIT', 'DONE']);
  });

  it('a holder whose last stream leaves releases the lease; another replica takes it at once', async () => {
    const { conn, ids } = await stoppingVms(1);
    const [id] = ids as [number];
    const [one, two] = await replicas(conn);
    const leave = one.subscribe([id]);
    await one.link().heartbeat();
    two.subscribe([id]);
    await two.link().heartbeat();
    expect(two.watcher.isLeader).toBe(false);
    leave();
    // The release note makes replica 2 try at once, with no time passing.
    await vi.waitFor(() => expect(two.watcher.isLeader).toBe(true));
    expect(await one.board.tryLead(watcherKey(conn))).toBe(false);
  });

  it('a tab opened while the replica still gives the account up keeps its lease and registration', async () => {
    const { conn, ids } = await stoppingVms(1);
    const [id] = ids as [number];
    const [one, two] = await replicas(conn);
    const account = watcherKey(conn);
    const closeLastTab = one.subscribe([id]);
    await one.link().heartbeat();
    expect(one.watcher.isLeader).toBe(true);
    // The old watcher's give-up waits on a busy pool; meanwhile a new tab opens on that replica.
    let unblock!: () => void;
    const blocked = new Promise<void>((resolve) => (unblock = resolve));
    const leave = one.board.leave.bind(one.board);
    let left: Promise<void> | undefined;
    vi.spyOn(one.board, 'leave').mockImplementationOnce((acc) => {
      left = blocked.then(() => leave(acc));
      return left;
    });
    closeLastTab();
    const next = watcherOn(one.board, conn);
    next.subscribe([id]);
    // The new watcher leads at once unless it waits for the give-up (as it must).
    await vi.waitFor(() => expect(next.watcher.isLeader).toBe(true), 300).catch(() => undefined);
    unblock();
    await left;
    await vi.waitFor(() => expect(next.watcher.isLeader).toBe(true));
    // No heartbeat since: what the late give-up left is what the other replica sees.
    expect(await two.board.watchedElsewhere(account)).toEqual({ ids: [id], running: false });
    expect(await two.board.tryLead(account)).toBe(false);
  });

  it('the leader publishes an upstream error to the other replicas streams', async () => {
    const [one, two] = await replicas({ endpoint: sim.url, apiKey: 'revoked00000000000000000' });
    one.subscribe([1]);
    await one.link().heartbeat();
    two.subscribe([1]);
    await two.link().heartbeat();
    await one.watcher.poll();
    await vi.waitFor(() =>
      expect(two.received).toEqual([
        { kind: 'error', message: expect.stringMatching(/not valid/), revoked: true },
      ]),
    );
  });
});
