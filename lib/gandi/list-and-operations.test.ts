import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GandiError } from './errors';
import {
  listAll,
  operationList,
  vmCount,
  vmList,
  waitForOperations,
  type Operation,
} from './index';
import {
  parseCall,
  startFixtureServer,
  type FixtureServer,
  type Reply,
} from './testing/fixture-server';
import { pythonStyleResponse, recordedVm, type PyValue } from './testing/python-style';
import type { GandiConnection } from './types';

const KEY = 'listkey00000000000000001';
let server: FixtureServer;
let conn: GandiConnection;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  conn = { endpoint: server.url, apiKey: KEY, timeoutMs: 5_000 };
});

/** `total` VMs, answering `page` / `items_per_page` (API default 100) like the real API. */
function vmsReply(total: number, req: { body: string }, honourPaging = true): Reply {
  const pageMatch = /<name>page<\/name>\s*<value><int>(\d+)<\/int>/.exec(req.body);
  const sizeMatch = /<name>items_per_page<\/name>\s*<value><int>(\d+)<\/int>/.exec(req.body);
  const page = honourPaging && pageMatch ? Number(pageMatch[1]) : 0;
  const size = sizeMatch ? Number(sizeMatch[1]) : 100;
  const from = page * size;
  const count = Math.max(0, Math.min(size, total - from));
  return {
    body: pythonStyleResponse(Array.from({ length: count }, (_, i) => recordedVm(from + i))),
  };
}

function serveVms(total: number, honourPaging = true): void {
  server.respond((req) => vmsReply(total, req, honourPaging));
}

/** `serveVms`, with `hosting.vm.count` answering `count` (the endpoint's word, right or not). */
function serveVmsCounted(total: number, count: number, honourPaging = true): void {
  server.respond((req) =>
    req.body.includes('hosting.vm.count')
      ? { body: pythonStyleResponse(count) }
      : vmsReply(total, req, honourPaging),
  );
}

describe('listAll', () => {
  it('returns every item of a 1,234-VM account, in pages of 500', async () => {
    serveVms(1_234);
    const vms = await listAll(conn, vmList, { state: 'running', page: 7, items_per_page: 10 });
    expect(vms).toHaveLength(1_234);
    expect(new Set(vms.map((v) => v.id)).size).toBe(1_234);
    const calls = await Promise.all(server.requests.map((r) => parseCall(r.body)));
    expect(calls.map((c) => c.params[1])).toEqual([
      { state: 'running', items_per_page: 500, page: 0 },
      { state: 'running', items_per_page: 500, page: 1 },
      { state: 'running', items_per_page: 500, page: 2 },
    ]);
  });

  it('asks for one more page when the last page is exactly full', async () => {
    serveVms(1_000);
    expect(await listAll(conn, vmList)).toHaveLength(1_000);
    expect(server.requests).toHaveLength(3);
  });

  it('a plain list call is cut at the API default of 100: that is why listAll exists', async () => {
    serveVms(1_234);
    expect(await vmList(conn)).toHaveLength(100);
  });

  it('with the count, reads 1,234 VMs in two round trips: page 0 and the count, then the rest', async () => {
    // Each call, and how many answers had come back when it arrived (its round trip).
    const rounds: string[] = [];
    let answered = 0;
    server.respond((req) => {
      const counting = req.body.includes('hosting.vm.count');
      const page = /<name>page<\/name>\s*<value><int>(\d+)/.exec(req.body)?.[1];
      rounds.push(`${counting ? 'count' : `page ${page}`} after ${answered}`);
      // Long enough that two calls sent together arrive before either is answered, even on a
      // loaded machine; calls sent one after the other see the count go up.
      setTimeout(() => (answered += 1), 500);
      const reply = counting ? { body: pythonStyleResponse(1_234) } : vmsReply(1_234, req);
      return { ...reply, delayMs: 500 };
    });
    const vms = await listAll(conn, vmList, { state: 'running', sort_by: 'id' }, vmCount);
    expect(new Set(vms.map((v) => v.id)).size).toBe(1_234);
    expect(rounds.slice(0, 2).sort()).toEqual(['count after 0', 'page 0 after 0']);
    expect(rounds.slice(2).sort()).toEqual(['page 1 after 2', 'page 2 after 2']);
    // The count takes the list's filters, without its sort or paging.
    const calls = await Promise.all(server.requests.map((r) => parseCall(r.body)));
    const count = calls.find((call) => call.method === 'hosting.vm.count');
    expect(count?.params[1]).toEqual({ state: 'running' });
  });

  it('with the count, still reads a list that grew past it to its end', async () => {
    serveVmsCounted(1_000, 600);
    expect(await listAll(conn, vmList, {}, vmCount)).toHaveLength(1_000);
    // Page 0 and the count, page 1 (from the count: full), then page 2 (empty) ends it.
    expect(server.requests).toHaveLength(4);
  });

  it('with a count far above the list (a wrong or hostile endpoint), asks at most 20 pages at once', async () => {
    serveVmsCounted(1_234, 2_000_000_000);
    expect(await listAll(conn, vmList, {}, vmCount)).toHaveLength(1_234);
    // Page 0 and the count, then pages 1 to 19 (the last ones empty): no million calls.
    expect(server.requests).toHaveLength(21);
  });

  it('with the count, fails loudly when the endpoint ignores paging', async () => {
    serveVmsCounted(1_234, 1_234, false);
    const err = await listAll(conn, vmList, {}, vmCount).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'decode' });
  });

  it('fails loudly when the endpoint ignores paging', async () => {
    serveVms(1_234, false);
    const err = await listAll(conn, vmList).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GandiError);
    expect(err).toMatchObject({ kind: 'decode' });
    expect(server.requests).toHaveLength(2);
  });
});

function operation(
  id: number,
  step: string,
  extra: Record<string, PyValue> = {},
): Record<string, PyValue> {
  return {
    id,
    type: 'vm_create',
    step,
    source: 'PP15486-GANDI',
    date_created: new Date(Date.UTC(2018, 4, 18, 17, 25, 16)),
    date_updated: new Date(Date.UTC(2018, 4, 18, 17, 25, 16)),
    date_start: null,
    eta: 3,
    last_error: null,
    params: {},
    ...extra,
  };
}

describe('waitForOperations', () => {
  it('polls each operation until every one is final and reports step changes', async () => {
    const script: Record<number, string[]> = {
      1: ['WAIT', 'RUN', 'DONE'],
      2: ['RUN', 'ERROR'],
    };
    const polls: Record<number, number> = { 1: 0, 2: 0 };
    server.respond((req) => {
      const id = Number(
        /<param>\s*<value><int>(\d+)<\/int>/.exec(req.body.split('</param>')[1] ?? '')?.[1],
      );
      const steps = script[id] ?? ['DONE'];
      const step = steps[Math.min(polls[id] ?? 0, steps.length - 1)] ?? 'DONE';
      polls[id] = (polls[id] ?? 0) + 1;
      const extra: Record<string, PyValue> = step === 'ERROR' ? { last_error: 'disk full' } : {};
      return { body: pythonStyleResponse(operation(id, step, extra)) };
    });
    const seen: string[] = [];
    const final = await waitForOperations(conn, [1, 2], {
      intervalMs: 5,
      onStep: (op: Operation) => seen.push(`${op.id}:${op.step}`),
    });
    expect(final.map((op) => [op.id, op.step, op.lastError])).toEqual([
      [1, 'DONE', null],
      [2, 'ERROR', 'disk full'],
    ]);
    expect(seen).toEqual(['1:WAIT', '2:RUN', '1:RUN', '2:ERROR', '1:DONE']);
    // A final operation is not polled again.
    expect(polls).toEqual({ 1: 3, 2: 2 });
  });

  it('stops when the signal aborts', async () => {
    server.respond(() => ({ body: pythonStyleResponse(operation(5, 'RUN')) }));
    const controller = new AbortController();
    const waiting = waitForOperations(conn, [5], { intervalMs: 20, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err = await waiting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GandiError);
    expect((err as GandiError).reason).toMatch(/cancelled/);
  });
});

describe('operationList', () => {
  it('passes filters such as step arrays through as the API expects', async () => {
    server.respond(() => ({ body: pythonStyleResponse([operation(9, 'RUN', { vm_id: 352698 })]) }));
    const ops = await operationList(conn, { step: ['BILL', 'WAIT', 'RUN'], vm_id: 352698 });
    expect(ops).toMatchObject([{ id: 9, vmId: 352698, step: 'RUN' }]);
    // The last request: a poll cancelled by the previous test may still land first.
    const call = await parseCall(server.requests.at(-1)?.body ?? '');
    expect(call.params[1]).toEqual({ step: ['BILL', 'WAIT', 'RUN'], vm_id: 352698 });
  });
});
