import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationList, vmStop, type GandiConnection, type ListOptions } from '@/lib/gandi';
import { startSimulator, type Simulator } from '@/simulator';
import type { OperationStep } from '@/lib/gandi/types';
import { WatcherRegistry } from './watcher-registry';
import { AccountWatcher, watcherKey, type WatcherDeps, type WatcherMessage } from './watcher';

/**
 * The watcher against the real in-process simulator over real HTTP, with the simulator's clock
 * and the watcher's scheduler both driven by the test (no sleeps, deterministic).
 */
let sim: Simulator;
let now = Date.UTC(2026, 0, 1, 12, 0, 0);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, quiet: true, now: () => now });
});
afterAll(async () => {
  await sim.close();
});

const TIMINGS = { floorMs: 500, ceilingMs: 10_000, slowMs: 5_000, maxBackoffMs: 30_000 };

function manualDeps() {
  const scheduled: { ms: number; cancelled: boolean }[] = [];
  let calls = 0;
  const deps: WatcherDeps = {
    operationList: (conn: GandiConnection, options: ListOptions) => {
      calls += 1;
      return operationList(conn, options);
    },
    // Records what the watcher asks for; the test runs polls itself.
    schedule: (_task, ms) => {
      const entry = { ms, cancelled: false };
      scheduled.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    timings: TIMINGS,
    now: () => now,
  };
  return {
    deps,
    calls: () => calls,
    nextDelay: () => [...scheduled].reverse().find((entry) => !entry.cancelled)?.ms ?? null,
  };
}

async function accountWithStoppingVms(
  count: number,
): Promise<{ conn: GandiConnection; opIds: number[] }> {
  const { apiKey } = sim.control.createAccount({ credits: 100_000 });
  const conn = { endpoint: sim.url, apiKey };
  const { vmIds } = sim.control.createVms({ apiKey, count });
  const ops = await Promise.all(vmIds.map((id) => vmStop(conn, id)));
  return { conn, opIds: ops.map((op) => op.id) };
}

/** Polls, then moves the simulator clock on, until every subscriber has seen a final step. */
async function runToCompletion(
  watcher: AccountWatcher,
  seen: Map<number, OperationStep>[][],
  opIds: number[],
) {
  for (let round = 0; round < 20; round += 1) {
    await watcher.poll();
    const done = seen.every((perOp) =>
      opIds.every((id) => ['DONE', 'ERROR', 'CANCEL'].includes(perOp.at(-1)?.get(id) ?? '')),
    );
    if (done) return round + 1;
    now += 1_000;
  }
  throw new Error('operations did not finish');
}

async function fanOutScenario(subscriberCount: number, scopeKind: 'ids' | 'running' = 'ids') {
  const { conn, opIds } = await accountWithStoppingVms(3);
  const { deps, calls } = manualDeps();
  const watcher = new AccountWatcher(conn, deps);
  // Per subscriber: the sequence of (op → step) snapshots it received.
  const seen: Map<number, OperationStep>[][] = [];
  const unsubscribes: (() => void)[] = [];
  for (let i = 0; i < subscriberCount; i += 1) {
    const history: Map<number, OperationStep>[] = [];
    const current = new Map<number, OperationStep>();
    seen.push(history);
    unsubscribes.push(
      watcher.subscribe(
        scopeKind === 'ids' ? { ids: opIds } : { running: true },
        (message: WatcherMessage) => {
          if (message.kind !== 'operation') return;
          current.set(message.op.id, message.op.step);
          history.push(new Map(current));
        },
      ),
    );
  }
  const rounds = await runToCompletion(watcher, seen, opIds);
  unsubscribes.forEach((unsubscribe) => unsubscribe());
  const stepsPerOp = (history: Map<number, OperationStep>[]) =>
    opIds.map((id) => [...new Set(history.map((snapshot) => snapshot.get(id)).filter(Boolean))]);
  return { calls: calls(), rounds, steps: seen.map(stepsPerOp) };
}

describe('AccountWatcher fan-out', () => {
  it('costs the upstream API the same for 200 subscribers as for 1', async () => {
    const one = await fanOutScenario(1);
    const many = await fanOutScenario(200);
    expect(one.calls).toBeGreaterThan(0);
    expect(many.rounds).toBe(one.rounds);
    expect(many.calls).toBe(one.calls);
    // One operation.list per poll, whatever the number of tabs.
    expect(many.calls).toBe(many.rounds);
    // And every subscriber saw every step of every operation.
    const expected = one.steps[0];
    expect(expected?.every((steps) => steps.at(-1) === 'DONE' && steps.includes('RUN'))).toBe(true);
    for (const steps of many.steps) expect(steps).toEqual(expected);
  });
});

describe('AccountWatcher fan-out of the running view', () => {
  it('costs the same for 200 "running" subscribers as for 1', async () => {
    const one = await fanOutScenario(1, 'running');
    const many = await fanOutScenario(200, 'running');
    expect(many.rounds).toBe(one.rounds);
    expect(many.calls).toBe(one.calls);
    for (const steps of many.steps) expect(steps).toEqual(one.steps[0]);
  });
});

describe('AccountWatcher joining tabs', () => {
  it('gives a late tab the cached state at once without pulling a poll forward', async () => {
    const { conn, opIds } = await accountWithStoppingVms(2);
    const { deps, calls, nextDelay } = manualDeps();
    const watcher = new AccountWatcher(conn, deps);
    watcher.subscribe({ ids: opIds }, () => undefined);
    await watcher.poll();
    const callsAfterFirstPoll = calls();
    const lateTabs: WatcherMessage[][] = [];
    for (let i = 0; i < 199; i += 1) {
      const received: WatcherMessage[] = [];
      lateTabs.push(received);
      watcher.subscribe({ ids: opIds }, (message) => received.push(message));
    }
    expect(calls()).toBe(callsAfterFirstPoll);
    expect(nextDelay()).toBe(TIMINGS.floorMs);
    for (const received of lateTabs) {
      expect(received.map((message) => message.kind === 'operation' && message.op.step)).toEqual([
        'WAIT',
        'WAIT',
      ]);
    }
  });
});

describe('AccountWatcher, one operation after another (create, then attach)', () => {
  it('delivers every step of an operation started after the previous one settled', async () => {
    // The shell's "running" view stays open; the first progress list leaves once its op is DONE
    // and the second one joins the same watcher for an op that did not exist before.
    const { apiKey } = sim.control.createAccount({ credits: 100_000 });
    const conn = { endpoint: sim.url, apiKey };
    const { vmIds } = sim.control.createVms({ apiKey, count: 2 });
    const { deps } = manualDeps();
    const watcher = new AccountWatcher(conn, deps);
    watcher.subscribe({ running: true }, () => undefined);
    await watcher.poll();
    const stepsOf = (id: number) => {
      const steps: string[] = [];
      const unsubscribe = watcher.subscribe({ ids: [id] }, (message) => {
        if (message.kind === 'operation') steps.push(message.op.step);
      });
      return { steps, unsubscribe };
    };
    const first = await vmStop(conn, vmIds[0] as number);
    const firstTab = stepsOf(first.id);
    await watcher.poll();
    now += 10_000;
    await watcher.poll();
    expect(firstTab.steps.at(-1)).toBe('DONE');
    firstTab.unsubscribe();

    const second = await vmStop(conn, vmIds[1] as number);
    const secondTab = stepsOf(second.id);
    await watcher.poll();
    expect(secondTab.steps).toEqual(['WAIT']);
    now += 1_500; // past the simulator's WAIT, into RUN
    await watcher.poll();
    now += 10_000;
    await watcher.poll();
    expect(secondTab.steps).toEqual(['WAIT', 'RUN', 'DONE']);
  });
});

describe('AccountWatcher polling rhythm', () => {
  it('polls fast while anything runs, stops asking once all watched ids are final', async () => {
    const { conn, opIds } = await accountWithStoppingVms(1);
    const { deps, nextDelay } = manualDeps();
    const watcher = new AccountWatcher(conn, deps);
    const received: WatcherMessage[] = [];
    watcher.subscribe({ ids: opIds }, (message) => received.push(message));
    expect(nextDelay()).toBe(0); // the first subscriber pulls a poll forward
    await watcher.poll();
    expect(nextDelay()).toBe(TIMINGS.floorMs);
    now += 10_000;
    await watcher.poll();
    expect(received.at(-1)).toMatchObject({
      kind: 'operation',
      op: { id: opIds[0], step: 'DONE' },
    });
    // Nothing left to watch: no poll is scheduled until a tab asks for something new.
    expect(nextDelay()).toBeNull();
  });

  it('polls where the eta says the end is due, then at the floor until it comes', async () => {
    now = Math.ceil(now / 1_000) * 1_000; // the API's dates are whole seconds
    const { conn, opIds } = await accountWithStoppingVms(1);
    const { deps, nextDelay } = manualDeps();
    const watcher = new AccountWatcher(conn, deps);
    const steps: string[] = [];
    watcher.subscribe({ ids: opIds }, (message) => {
      if (message.kind === 'operation') steps.push(`${message.op.step}:${message.op.eta}`);
    });
    await watcher.poll();
    // Waiting to start: it may start at any moment.
    expect(nextDelay()).toBe(TIMINGS.floorMs);
    now += 1_500; // RUN since 500 ms; DONE due 2.5 s from now (eta rounds up to 3)
    await watcher.poll();
    expect(steps.at(-1)).toBe('RUN:3');
    // The end cannot come before the last second of the eta: no call until then.
    expect(nextDelay()).toBe(2_000);
    now += 2_000;
    await watcher.poll();
    expect(steps.at(-1)).toBe('RUN:1');
    expect(nextDelay()).toBe(TIMINGS.floorMs);
    now += 500;
    await watcher.poll();
    expect(steps.at(-1)).toBe('DONE:0');
    expect(nextDelay()).toBeNull();
  });

  it('polls slowly when only "running" is watched and nothing runs, and sees new and finished ops', async () => {
    const { apiKey } = sim.control.createAccount({ credits: 100_000 });
    const conn = { endpoint: sim.url, apiKey };
    const { vmIds } = sim.control.createVms({ apiKey, count: 2 });
    const { deps, nextDelay } = manualDeps();
    const watcher = new AccountWatcher(conn, deps);
    const steps: string[] = [];
    watcher.subscribe({ running: true }, (message) => {
      if (message.kind === 'operation') steps.push(`${message.op.type}:${message.op.step}`);
    });
    await watcher.poll();
    expect(steps).toEqual([]);
    expect(nextDelay()).toBe(TIMINGS.slowMs);
    await vmStop(conn, vmIds[0] as number);
    await watcher.poll();
    expect(nextDelay()).toBe(TIMINGS.floorMs);
    now += 10_000;
    await watcher.poll(); // gone from the running list → fetched by id → DONE delivered
    expect(steps).toEqual(['vm_stop:WAIT', 'vm_stop:DONE']);
    await watcher.poll();
    expect(nextDelay()).toBe(TIMINGS.slowMs);
    // An operation that starts and ends between two slow polls is still reported, once.
    await vmStop(conn, vmIds[1] as number);
    now += 10_000;
    await watcher.poll();
    await watcher.poll();
    expect(steps).toEqual(['vm_stop:WAIT', 'vm_stop:DONE', 'vm_stop:DONE']);
  });

  it('does not replay operations that finished before the view opened', async () => {
    const { conn, opIds } = await accountWithStoppingVms(2);
    now += 10_000;
    const { deps } = manualDeps();
    const watcher = new AccountWatcher(conn, deps);
    const received: WatcherMessage[] = [];
    watcher.subscribe({ running: true }, (message) => received.push(message));
    await watcher.poll();
    await watcher.poll();
    expect(opIds).toHaveLength(2);
    expect(received).toEqual([]);
  });

  it('gives finished operations to a tab that asked for them while the first "running" poll ran', async () => {
    // A reloaded creation page: its "running" stream starts the first poll, which remembers the
    // finished creation operations as not news; the page's own stream asks for them meanwhile.
    const { conn, opIds } = await accountWithStoppingVms(2);
    now += 10_000;
    const { deps } = manualDeps();
    const watcher = new AccountWatcher(conn, deps);
    watcher.subscribe({ running: true }, () => undefined);
    const first = watcher.poll();
    const received: WatcherMessage[] = [];
    watcher.subscribe({ ids: opIds }, (message) => received.push(message));
    await first;
    await watcher.poll();
    expect(
      received.map((message) => (message.kind === 'operation' ? message.op.step : message.kind)),
    ).toEqual(['DONE', 'DONE']);
  });

  it('reports an id of another account as missing instead of polling it forever', async () => {
    const mine = await accountWithStoppingVms(1);
    const theirs = await accountWithStoppingVms(1);
    const { deps } = manualDeps();
    const watcher = new AccountWatcher(mine.conn, deps);
    const received: WatcherMessage[] = [];
    watcher.subscribe({ ids: theirs.opIds }, (message) => received.push(message));
    await watcher.poll();
    expect(received).toEqual([{ kind: 'missing', id: theirs.opIds[0] }]);
  });

  it('tells subscribers when the key is revoked', async () => {
    const { deps } = manualDeps();
    const watcher = new AccountWatcher(
      { endpoint: sim.url, apiKey: 'revoked00000000000000000' },
      deps,
    );
    const received: WatcherMessage[] = [];
    watcher.subscribe({ ids: [1] }, (message) => received.push(message));
    await watcher.poll();
    expect(received).toEqual([
      { kind: 'error', message: expect.stringMatching(/not valid/), revoked: true },
    ]);
  });

  it('backs off after failed polls (5 s, 10 s, then at most 30 s) and reports each failure', async () => {
    const { deps, nextDelay } = manualDeps();
    const failures: (number | null)[] = [];
    const watcher = new AccountWatcher(
      { endpoint: 'http://127.0.0.1:9/xmlrpc/', apiKey: 'unreachable0000000000000' },
      { ...deps, onPollFailure: (_err, retryInMs) => failures.push(retryInMs) },
    );
    watcher.subscribe({ ids: [1] }, () => undefined);
    for (let i = 0; i < 4; i += 1) await watcher.poll();
    expect(failures).toEqual([5_000, 10_000, 20_000, 30_000]);
    expect(nextDelay()).toBe(30_000);
  });
});

describe('AccountWatcher batching', () => {
  it('asks for 250 ids in 3 calls of at most 100 (the API refuses larger pages)', async () => {
    const { apiKey } = sim.control.createAccount({ credits: 100_000 });
    const asked: ListOptions[] = [];
    const deps: WatcherDeps = {
      ...manualDeps().deps,
      operationList: (conn, options) => {
        asked.push(options);
        return operationList(conn, options);
      },
    };
    const watcher = new AccountWatcher({ endpoint: sim.url, apiKey }, deps);
    const ids = Array.from({ length: 250 }, (_, i) => 1_000 + i);
    const received: WatcherMessage[] = [];
    // Tabs of 100 ids at most each, as the route allows.
    for (let start = 0; start < ids.length; start += 100)
      watcher.subscribe({ ids: ids.slice(start, start + 100) }, (message) =>
        received.push(message),
      );
    await watcher.poll();
    expect(asked.map((options) => (options.id as number[]).length)).toEqual([100, 100, 50]);
    expect(asked.every((options) => (options.items_per_page as number) <= 100)).toBe(true);
    expect(new Set(asked.flatMap((options) => options.id as number[]))).toEqual(new Set(ids));
    // None of them is this account's: every one reported missing, no error.
    expect(received.filter((message) => message.kind === 'missing')).toHaveLength(250);
    expect(received.some((message) => message.kind === 'error')).toBe(false);
  });
});

describe('WatcherRegistry', () => {
  it('shares one watcher per account and endpoint, keyed by a hash, and drops it when the last tab leaves', async () => {
    const { conn, opIds } = await accountWithStoppingVms(1);
    const { deps } = manualDeps();
    const registry = new WatcherRegistry(deps);
    const first = registry.forConnection(conn);
    expect(registry.forConnection({ ...conn })).toBe(first);
    expect(registry.forConnection({ ...conn, endpoint: 'http://127.0.0.1:9/xmlrpc/' })).not.toBe(
      first,
    );
    expect(watcherKey(conn)).toMatch(/^[0-9a-f]{64}$/);
    expect(watcherKey(conn)).not.toContain(conn.apiKey);
    const a = first.subscribe({ ids: opIds }, () => undefined);
    const b = first.subscribe({ running: true }, () => undefined);
    a();
    expect(registry.existing(conn)).toBe(first);
    b();
    expect(registry.existing(conn)).toBeUndefined();
  });
});
