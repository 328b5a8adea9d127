import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationList, vmStop, type GandiConnection } from '@/lib/gandi';
import { startSimulator, type Simulator } from '@/simulator';
import { parseKnown } from './event-id';
import { operationEventStream } from './sse';
import { AccountWatcher, type WatcherDeps } from './watcher';

let sim: Simulator;
let now = Date.UTC(2026, 0, 1, 12, 0, 0);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, quiet: true, now: () => now });
});
afterAll(async () => {
  await sim.close();
});

const deps: WatcherDeps = {
  operationList,
  schedule: () => () => undefined,
  timings: { floorMs: 500, ceilingMs: 2_000, slowMs: 5_000, maxBackoffMs: 30_000 },
};

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads a stream in the background and parses what has arrived so far. */
function collect(stream: ReadableStream<Uint8Array>) {
  let text = '';
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) return;
      text += decoder.decode(value, { stream: true });
    }
  })();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  return {
    done,
    text: () => text,
    async events(): Promise<SseEvent[]> {
      await settle();
      return text
        .split('\n\n')
        .filter((block) => block.trim() !== '')
        .map((block) => {
          const event: SseEvent = {};
          for (const line of block.split('\n')) {
            const [field, ...rest] = line.split(': ');
            const value = rest.join(': ');
            if (field === 'id' || field === 'event' || field === 'data') event[field] = value;
          }
          return event;
        })
        .filter((event) => event.event !== undefined);
    },
  };
}

async function stoppingOps(count: number): Promise<{ conn: GandiConnection; ids: number[] }> {
  const { apiKey } = sim.control.createAccount({ credits: 100_000 });
  const conn = { endpoint: sim.url, apiKey };
  const { vmIds } = sim.control.createVms({ apiKey, count });
  const ops = await Promise.all(vmIds.map((id) => vmStop(conn, id)));
  return { conn, ids: ops.map((op) => op.id) };
}

describe('operation event stream', () => {
  it('streams steps with a resumable id, resumes without resending, and settles', async () => {
    const { conn, ids } = await stoppingOps(2);
    const watcher = new AccountWatcher(conn, deps);
    const first = new AbortController();
    const stream1 = collect(operationEventStream(watcher, { ids }, new Map(), first.signal));
    await watcher.poll();
    const sent = await stream1.events();
    expect(stream1.text()).toMatch(/^retry: \d+\n/);
    expect(sent.map((event) => [event.event, JSON.parse(event.data ?? '{}').step])).toEqual([
      ['operation', 'WAIT'],
      ['operation', 'WAIT'],
    ]);
    // The last id names both operations with the versions the tab now has.
    const lastId = sent.at(-1)?.id ?? '';
    expect([...parseKnown(lastId).keys()].sort()).toEqual([...ids].sort());
    // Events carry operation fields only.
    expect(Object.keys(JSON.parse(sent[0]?.data ?? '{}')).sort()).toEqual(
      [
        'dateCreated',
        'dateStart',
        'dateUpdated',
        'diskId',
        'eta',
        'id',
        'ifaceId',
        'ipId',
        'lastError',
        'step',
        'type',
        'vlanId',
        'vmId',
      ].sort(),
    );
    expect(stream1.text()).not.toContain(conn.apiKey);

    first.abort();
    await stream1.done;
    expect(watcher.subscriberCount).toBe(0);

    // The browser reconnects with Last-Event-ID: what it has is not sent again.
    const watcher2 = new AccountWatcher(conn, deps);
    const second = new AbortController();
    const stream2 = collect(
      operationEventStream(watcher2, { ids }, parseKnown(lastId), second.signal),
    );
    await watcher2.poll();
    expect(await stream2.events()).toEqual([]);
    now += 10_000;
    await watcher2.poll();
    const after = await stream2.events();
    expect(after.map((event) => event.event)).toEqual(['operation', 'operation', 'settled']);
    expect(after.slice(0, 2).map((event) => JSON.parse(event.data ?? '{}').step)).toEqual([
      'DONE',
      'DONE',
    ]);
    second.abort();
    await stream2.done;
  });

  it('settles at once on resume when the tab already has every final version', async () => {
    const { conn, ids } = await stoppingOps(1);
    now += 10_000;
    const watcher = new AccountWatcher(conn, deps);
    const first = new AbortController();
    const stream1 = collect(operationEventStream(watcher, { ids }, new Map(), first.signal));
    await watcher.poll();
    const sent = await stream1.events();
    expect(sent.map((event) => event.event)).toEqual(['operation', 'settled']);
    first.abort();
    await stream1.done;

    const second = new AbortController();
    const stream2 = collect(
      operationEventStream(watcher, { ids }, parseKnown(sent[0]?.id), second.signal),
    );
    await watcher.poll();
    expect((await stream2.events()).map((event) => event.event)).toEqual(['settled']);
    second.abort();
    await stream2.done;
  });

  it('sends heartbeat comments and stops them when the tab goes away', async () => {
    const { conn, ids } = await stoppingOps(1);
    const watcher = new AccountWatcher(conn, deps);
    const controller = new AbortController();
    const stream = collect(operationEventStream(watcher, { ids }, new Map(), controller.signal, 5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stream.text()).toContain(': ping\n\n');
    controller.abort();
    await stream.done;
    const length = stream.text().length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stream.text().length).toBe(length);
    expect(watcher.subscriberCount).toBe(0);
  });
});

describe('operationEventStream on a draining replica', () => {
  it('counts itself open, then tells the browser to reconnect and closes when the replica drains', async () => {
    const { apiKey } = sim.control.createAccount();
    const conn: GandiConnection = { endpoint: sim.url, apiKey };
    const watcher = new AccountWatcher(conn, deps);
    let open = 0;
    const notices: (() => void)[] = [];
    const stream = operationEventStream(
      watcher,
      { running: true },
      new Map(),
      new AbortController().signal,
      60_000,
      {
        opened: () => {
          open += 1;
          return () => (open -= 1);
        },
        onDrain: (notice) => {
          notices.push(notice);
          return () => notices.splice(notices.indexOf(notice), 1);
        },
      },
    );
    const reader = collect(stream);
    expect(open).toBe(1);
    notices[0]!();
    await reader.done;
    expect((await reader.events()).map((event) => event.event)).toContain('reconnect');
    expect(open).toBe(0);
    expect(notices).toHaveLength(0);
    expect(watcher.subscriberCount).toBe(0);
  });
});
