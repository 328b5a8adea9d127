/**
 * Bulk actions against the in-process simulator: every item gets its own result, a refusal on one
 * (already halted, attached disk…) does not stop the others. Only the session lookup (which needs
 * a Next request) is replaced; the API calls are real XML-RPC over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '@/simulator';
import {
  diskInfo,
  operationInfo,
  vmCount,
  vmInfo,
  vmStop,
  waitForOperations,
  type GandiConnection,
} from '@/lib/gandi';

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
    // The phase belongs to the VM delete alone.
    expect(results[0]).not.toHaveProperty('phase');

    const started = results.flatMap((r) => (r.ok ? r.operationIds : []));
    expect(started).toHaveLength(2);
    await settle(conn, started);
    for (const id of [a, b, c]) expect((await vmInfo(conn, id)).state).toBe('halted');
  });

  it('deletes a halted VM and stops running ones first; asked again, it deletes those too', async () => {
    const conn = signIn();
    const { vmIds } = sim.control.createVms({ apiKey: conn.apiKey, count: 3 });
    const [halted, a, b] = vmIds as [number, number, number];
    await settle(conn, [(await vmStop(conn, halted)).id]);

    const first = await runBulk('vm', 'delete', [halted, a, b]);
    expect(first.map((r) => [r.id, r.ok && r.phase])).toEqual([
      [halted, 'deleting'],
      [a, 'stopping'],
      [b, 'stopping'],
    ]);
    expect(summarize(first)).toBe('3 started');
    const firstOps = first.flatMap((r) => (r.ok ? r.operationIds : []));
    expect(firstOps).toHaveLength(3);
    const types = await Promise.all(
      firstOps.map(async (id) => (await operationInfo(conn, id)).type),
    );
    expect(types).toEqual(['vm_delete', 'vm_stop', 'vm_stop']);
    await settle(conn, firstOps);
    await expect(vmInfo(conn, halted)).rejects.toMatchObject({ causeName: 'CAUSE_NOTFOUND' });
    for (const id of [a, b]) expect((await vmInfo(conn, id)).state).toBe('halted');

    // What the browser does once a stop is DONE: the same action again for that one VM.
    for (const id of [a, b]) {
      const [second] = await runBulk('vm', 'delete', [id]);
      expect(second?.ok && second.phase).toBe('deleting');
      await settle(conn, second?.ok ? second.operationIds : []);
      await expect(vmInfo(conn, id)).rejects.toMatchObject({ causeName: 'CAUSE_NOTFOUND' });
    }
    expect(await vmCount(conn)).toBe(0);
  });

  it('an item of another account is refused, the others still run', async () => {
    const other = signIn();
    const { vmIds: foreign } = sim.control.createVms({ apiKey: other.apiKey, count: 1 });
    const conn = signIn();
    const { vmIds: own } = sim.control.createVms({ apiKey: conn.apiKey, count: 1 });
    const results = await runBulk('vm', 'reboot', [foreign[0] as number, own[0] as number]);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
  });

  it("snapshots each VM's system disk: one result per item, each with its own operation", async () => {
    const other = signIn();
    const { vmIds: foreign } = sim.control.createVms({ apiKey: other.apiKey, count: 1 });
    const conn = signIn();
    const { vmIds } = sim.control.createVms({ apiKey: conn.apiKey, count: 2 });
    const [a, b] = vmIds as [number, number];
    const systemOf = async (vmId: number) => {
      const disk = (await vmInfo(conn, vmId)).disks.find((d) => d.isBootDisk);
      if (!disk) throw new Error(`VM ${vmId} has no boot disk`);
      return disk.id;
    };
    const [diskA, diskB] = [await systemOf(a), await systemOf(b)];

    const results = await runBulk('vm', 'snapshot', [a, foreign[0] as number, b]);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [a, true],
      [foreign[0], false],
      [b, true],
    ]);
    expect(summarize(results)).toBe('2 started, 1 refused');
    const perItem = results.flatMap((r) => (r.ok ? [r.operationIds] : []));
    expect(perItem.map((ids) => ids.length)).toEqual([1, 1]);
    expect(new Set(perItem.flat()).size).toBe(2);
    await settle(conn, perItem.flat());
    // Each own VM's system disk now has exactly one snapshot; the VMs keep running.
    for (const diskId of [diskA, diskB]) {
      const disk = await diskInfo(conn, diskId);
      expect(disk.snapshotIds).toHaveLength(1);
      const snapshot = await diskInfo(conn, disk.snapshotIds[0] as number);
      expect(snapshot.type).toBe('snapshot');
      expect(snapshot.source).toBe(diskId);
    }
    for (const id of [a, b]) expect((await vmInfo(conn, id)).state).toBe('running');
  });

  it('refuses a verb the list does not offer', async () => {
    signIn();
    await expect(runBulk('ip', 'reboot', [1])).rejects.toThrow(/not a bulk action/);
  });
});
