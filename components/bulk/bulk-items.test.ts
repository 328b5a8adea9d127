/**
 * Bulk actions against the in-process simulator: every item gets its own result, a refusal on one
 * (already halted, attached disk…) does not stop the others. Only the session lookup (which needs
 * a Next request) is replaced; the API calls are real XML-RPC over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '@/simulator';
import { vmInfo, vmStop, waitForOperations, type GandiConnection } from '@/lib/gandi';

const session = vi.hoisted(() => ({
  current: null as null | {
    conn: { endpoint: string; apiKey: string };
    handle: string;
    endpoint: { id: string; label: string };
  },
}));
vi.mock('@/lib/dal/auth', () => ({
  verifySession: async () => session.current,
  handleRevokedKey: async () => undefined,
}));

const { runBulk } = await import('./bulk-items');
const { summarize } = await import('./bulk-model');

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true });
});
afterAll(async () => {
  await sim.close();
});

function signIn(): GandiConnection {
  const { apiKey, handle } = sim.control.createAccount();
  const conn = { endpoint: sim.url, apiKey };
  session.current = { conn, handle, endpoint: { id: 'simulator', label: 'Simulator' } };
  return conn;
}

const settle = (conn: GandiConnection, ids: number[]) =>
  waitForOperations(conn, ids, { intervalMs: 5 });

describe('runBulk', () => {
  it('stops three VMs where one is already halted: two started, one refused, in order', async () => {
    const conn = signIn();
    const { vmIds } = sim.control.createVms({ apiKey: conn.apiKey, count: 3 });
    const [a, b, c] = vmIds as [number, number, number];
    await settle(conn, [(await vmStop(conn, b)).id]);

    const results = await runBulk('vm', 'stop', [a, b, c]);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [a, true],
      [b, false],
      [c, true],
    ]);
    const refused = results[1];
    expect(refused?.ok === false && refused.message).toMatch(
      / is halted: only a running VM can be stopped\./,
    );
    expect(summarize(results)).toBe('2 started, 1 refused');

    const started = results.flatMap((r) => (r.ok ? r.operationIds : []));
    expect(started).toHaveLength(2);
    await settle(conn, started);
    for (const id of [a, b, c]) expect((await vmInfo(conn, id)).state).toBe('halted');
  });

  it('deletes halted VMs and refuses a running one', async () => {
    const conn = signIn();
    const { vmIds } = sim.control.createVms({ apiKey: conn.apiKey, count: 2 });
    const [halted, running] = vmIds as [number, number];
    await settle(conn, [(await vmStop(conn, halted)).id]);
    const results = await runBulk('vm', 'delete', [halted, running]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    await settle(
      conn,
      results.flatMap((r) => (r.ok ? r.operationIds : [])),
    );
    await expect(vmInfo(conn, halted)).rejects.toMatchObject({ causeName: 'CAUSE_NOTFOUND' });
  });

  it('an item of another account is refused, the others still run', async () => {
    const other = signIn();
    const { vmIds: foreign } = sim.control.createVms({ apiKey: other.apiKey, count: 1 });
    const conn = signIn();
    const { vmIds: own } = sim.control.createVms({ apiKey: conn.apiKey, count: 1 });
    const results = await runBulk('vm', 'reboot', [foreign[0] as number, own[0] as number]);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
  });

  it('refuses a verb the list does not offer', async () => {
    signIn();
    await expect(runBulk('ip', 'reboot', [1])).rejects.toThrow(/not a bulk action/);
  });
});
