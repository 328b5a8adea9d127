/**
 * Bulk actions against the in-process simulator: every item gets its own result, a refusal on one
 * (already halted, attached disk…) does not stop the others. Only the session lookup (which needs
 * a Next request) is replaced; the API calls are real XML-RPC over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '@/simulator';
import {
  diskInfo,
  operationList,
  vmCount,
  vmInfo,
  vmStop,
  waitForOperations,
  type GandiConnection,
} from '@/lib/gandi';
import type { ActionContext } from '@/lib/action';
import { getEnv } from '@/lib/env';
import { BULK_VM_DELETE, bulkDeleteJob } from '@/lib/jobs/bulk-delete-job';
import { JobQueue } from '@/lib/jobs/job-queue';
import { JobRunner } from '@/lib/jobs/job-runner';
import { withSharedTables } from '@/lib/shared-state/db';
import { openTestDb, type TestDb } from '@/lib/team/testing/test-db';

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
// The request's cookie (personal session record) and this replica's job queue, on a test database.
vi.mock('@/lib/session', () => ({ getSession: async () => ({ personalSessionId: 'sess-1' }) }));
const queueHolder = vi.hoisted(() => ({ queue: null as null | JobQueue }));
vi.mock('@/lib/jobs/runtime', () => ({
  enqueueJob: (kind: string, payload: unknown, key: string) =>
    queueHolder.queue!.enqueue(kind, payload, key),
  jobs: async () => ({ queue: queueHolder.queue }),
}));

const { runBulk } = await import('./bulk-items');
const { summarize } = await import('./bulk-model');
const { vmDeleteProgress } = await import('./bulk-vm-delete');

let sim: Simulator;
let db: TestDb;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true });
  db = await openTestDb('sqlite');
  queueHolder.queue = new JobQueue(withSharedTables(db.db), { leaseMs: 30_000 });
});
afterAll(async () => {
  await sim.close();
  await db.dispose();
});

/** This process as the replica that runs the job (the key unsealed, the session live). */
function replica(owner: string) {
  return new JobRunner(
    queueHolder.queue!,
    {
      [BULK_VM_DELETE]: bulkDeleteJob({
        sessionPassword: getEnv().sessionPassword,
        endpointUrl: () => sim.url,
        personalSessionLive: async (id) => id === 'sess-1',
        teamStore: () => Promise.reject(new Error('personal only')),
        intervalMs: 5,
      }),
    },
    { owner, pollMs: 1_000, heartbeatMs: 10_000, describe: String },
  );
}

const ctxOf = () => session.current as unknown as ActionContext;

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

    const results = await runBulk('vm', 'stop', [a, b, c], ctxOf());
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
    // The job belongs to the VM delete alone.
    expect(results[0]).not.toHaveProperty('jobId');

    const started = results.flatMap((r) => (r.ok && 'operationIds' in r ? r.operationIds : []));
    expect(started).toHaveLength(2);
    await settle(conn, started);
    for (const id of [a, b, c]) expect((await vmInfo(conn, id)).state).toBe('halted');
  });

  it('queues one job for the deletable VMs; the job deletes the halted one and stops the running ones first', async () => {
    const conn = signIn();
    const { vmIds } = sim.control.createVms({ apiKey: conn.apiKey, count: 3 });
    const [halted, a, b] = vmIds as [number, number, number];
    await settle(conn, [(await vmStop(conn, halted)).id]);
    const other = sim.control.createVms({ apiKey: sim.control.createAccount().apiKey, count: 1 });
    const foreign = other.vmIds[0] as number;

    const results = await runBulk('vm', 'delete', [halted, a, foreign, b], ctxOf());
    // Nothing was sent yet: the request only admitted them to one job.
    const jobIds = new Set(results.flatMap((r) => (r.ok && r.jobId ? [r.jobId] : [])));
    expect(jobIds.size).toBe(1);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [halted, true],
      [a, true],
      [foreign, false],
      [b, true],
    ]);
    expect(summarize(results)).toBe('3 started, 1 refused');
    for (const id of [a, b]) expect((await vmInfo(conn, id)).state).toBe('running');
    const [jobId] = [...jobIds] as [string];
    // The row holds the key sealed only.
    expect(JSON.stringify(await queueHolder.queue!.get(jobId))).not.toContain(conn.apiKey);

    expect(await replica('r1').runOnce()).toBe(true);
    const progress = await vmDeleteProgress(ctxOf(), jobId);
    expect(progress.state).toBe('done');
    expect(progress.items[String(halted)]).toMatchObject({ state: 'deleted', stopIds: [] });
    for (const id of [a, b]) {
      expect(progress.items[String(id)]).toMatchObject({
        state: 'deleted',
        phase: 'deleting',
        stopIds: [expect.any(Number)],
      });
      const types = (await operationList(conn, { vm_id: id })).map((op) => op.type).sort();
      expect(types).toEqual(['vm_delete', 'vm_stop']);
    }
    expect(await vmCount(conn)).toBe(0);
    // Ended: the row no longer holds even the sealed key.
    expect((await queueHolder.queue!.get(jobId))?.payload).not.toContain('sealedKey');
    // Another account (signed in elsewhere) cannot read this job's progress.
    signIn();
    await expect(vmDeleteProgress(ctxOf(), jobId)).rejects.toThrow('No such bulk action.');
  });

  it('an item of another account is refused, the others still run', async () => {
    const other = signIn();
    const { vmIds: foreign } = sim.control.createVms({ apiKey: other.apiKey, count: 1 });
    const conn = signIn();
    const { vmIds: own } = sim.control.createVms({ apiKey: conn.apiKey, count: 1 });
    const results = await runBulk(
      'vm',
      'reboot',
      [foreign[0] as number, own[0] as number],
      ctxOf(),
    );
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

    const results = await runBulk('vm', 'snapshot', [a, foreign[0] as number, b], ctxOf());
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [a, true],
      [foreign[0], false],
      [b, true],
    ]);
    expect(summarize(results)).toBe('2 started, 1 refused');
    const perItem = results.flatMap((r) => (r.ok && 'operationIds' in r ? [r.operationIds] : []));
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
    await expect(runBulk('ip', 'reboot', [1], ctxOf())).rejects.toThrow(/not a bulk action/);
  });
});
