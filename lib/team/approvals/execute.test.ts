/**
 * Approved requests run by the portal, against real parts: the in-process simulator over HTTP
 * and a SQLite team store with its audit chain. Only the two request-scoped lookups are replaced.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diskInfo, GandiError, ifaceInfo, vmInfo, type GandiConnection } from '@/lib/gandi';
import { startSimulator, type Simulator } from '@/simulator';
import { listAudit, verifyWorkspaceAudit } from '../store/audit-store';
import { TeamStore } from '../store/team-store';
import { openTestDb, type TestDb } from '../testing/test-db';
import { ApprovalStore } from './approval-store';

vi.mock('../runtime', () => ({ getTeamStore: async () => null }));
vi.mock('../client-address', () => ({ requestAddress: async () => null }));

const { continueApproved, executeApproved } = await import('./execute');
type Continuation = import('./execute').Continuation;

let sim: Simulator;
let db: TestDb;
let team: TeamStore;
let approvals: ApprovalStore;
let workspaceId = '';
let ownerId = '';
const REQUESTER = 'operator-1';
const admin = { memberId: 'admin-1', memberEmail: 'admin@example.test', ip: null };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  db = await openTestDb('sqlite');
  team = new TeamStore(db.db, db.dialect, Buffer.alloc(32, 3));
  approvals = new ApprovalStore(db.db, undefined, (id, input) => team.appendAudit(id, input));
});

afterAll(async () => {
  await sim.close();
  await db.dispose();
});

/** A fresh account and workspace per test: nothing leaks between them. */
async function workspace() {
  const apiKey = sim.control.createAccount().apiKey;
  const created = await team.createWorkspace({
    name: 'Ops',
    endpointId: 'simulator',
    handle: 'AB1234-GANDI',
    apiKey,
    ownerEmail: `owner-${apiKey}@example.test`,
    ownerPasswordHash: 'x',
  });
  workspaceId = created.workspace.id;
  ownerId = created.owner.id;
  const conn: GandiConnection = { endpoint: sim.url, apiKey, timeoutMs: 10_000 };
  return { apiKey, conn };
}

/** Files and approves a request as the operator would have filed it. */
async function approved(action: string, params: unknown) {
  const id = await approvals.create(workspaceId, {
    requestedBy: REQUESTER,
    requesterEmail: 'operator@example.test',
    action,
    params,
    why: "Policy: deletes by an operator need an admin's approval.",
  });
  const decided = await approvals.apply(workspaceId, id, {
    type: 'approve',
    by: ownerId,
    role: 'owner',
    reason: 'Fine by me',
  });
  expect(decided.ok).toBe(true);
  return id;
}

function deps(conn: GandiConnection, later: (task: () => Promise<void>) => void) {
  // These tests are about running requests in steps; the gate's re-decision has its own
  // (`approvals-gate.test.ts`).
  const gateFor = async () => conn;
  return { approvals, team, conn, gateFor, workspaceId, actor: admin, later, pollIntervalMs: 5 };
}

/** Collects the steps an approval leaves for after the response, to run them when the test says. */
function laterQueue() {
  const tasks: (() => Promise<void>)[] = [];
  return {
    later: (task: () => Promise<void>) => void tasks.push(task),
    runAll: async () => {
      while (tasks.length > 0) await tasks.shift()?.();
    },
    get size() {
      return tasks.length;
    },
  };
}

const isGone = (err: unknown) => err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND';

describe('an approved stop-then-delete as a durable job', () => {
  it('is recorded as a continuation, and another replica finishes it from that record alone', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
    const queue = laterQueue();
    const recorded: Continuation[] = [];
    const first = await executeApproved(
      { ...deps(conn, queue.later), durable: async (c) => void recorded.push(c) },
      id,
    );
    // Nothing left in this process: the replica that approved may die now.
    expect(queue.size).toBe(0);
    expect(recorded).toEqual([
      { workspaceId, requestId: id, operationIds: [first.operations[0]!.id], actor: admin },
    ]);
    const checkpoints: number[][] = [];
    // "Another replica": a fresh round-trip through JSON, as the job row stores it.
    const fromRow = JSON.parse(JSON.stringify(recorded[0])) as Continuation;
    await continueApproved(
      deps(conn, () => undefined),
      fromRow,
      async (ids) => void checkpoints.push(ids),
    );
    const done = await approvals.get(workspaceId, id);
    expect(done?.state).toBe('done');
    expect(done?.operationIds).toHaveLength(2);
    expect(checkpoints).toEqual([done?.operationIds]);
    await expect(vmInfo(conn, vmId)).rejects.toSatisfy(isGone);
  });

  it('a replica taking over follows a delete already sent instead of sending another', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
    const recorded: Continuation[] = [];
    await executeApproved(
      { ...deps(conn, laterQueue().later), durable: async (c) => void recorded.push(c) },
      id,
    );
    // The stop ends, and (on the replica that died) the delete was sent but never recorded.
    const { operationList, vmDelete } = await import('@/lib/gandi');
    const { waitForOperations } = await import('@/lib/gandi');
    await waitForOperations(conn, recorded[0]!.operationIds, { intervalMs: 5 });
    const sent = await vmDelete(conn, vmId);
    await continueApproved(
      deps(conn, () => undefined),
      recorded[0]!,
      async () => undefined,
    );
    const done = await approvals.get(workspaceId, id);
    expect(done?.state).toBe('done');
    expect(done?.operationIds).toEqual([...recorded[0]!.operationIds, sent.id]);
    expect(await operationList(conn, { vm_id: vmId, type: 'vm_delete' })).toHaveLength(1);
  });
});

describe('executing an approved request', () => {
  it('deletes a running VM in two steps: stop now, delete once the stop is DONE', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    expect(vm.state).toBe('running');
    const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
    const queue = laterQueue();

    const first = await executeApproved(deps(conn, queue.later), id);
    expect(first.operations).toHaveLength(1);
    const stopId = first.operations[0]!.id;
    expect(first.request.state).toBe('executing');
    expect(first.request.operationIds).toEqual([stopId]);
    // Nothing deleted yet: that is the later step.
    expect(queue.size).toBe(1);
    expect((await vmInfo(conn, vmId)).hostname).toBe(vm.hostname);

    await queue.runAll();
    const done = await approvals.get(workspaceId, id);
    expect(done?.state).toBe('done');
    expect(done?.operationIds).toHaveLength(2);
    expect(done?.operationIds[0]).toBe(stopId);
    await expect(vmInfo(conn, vmId)).rejects.toSatisfy(isGone);
    // The requester follows both operations (they are theirs).
    const owners = await team.ownersOf(workspaceId, 'operation');
    for (const op of done?.operationIds ?? []) expect(owners.get(op)).toBe(REQUESTER);

    const actions = (await listAudit(db.db, workspaceId)).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'approval.requested',
        'approval.approved',
        'approval.executing',
        'approval.progress',
        'approval.done',
      ]),
    );
    expect(await verifyWorkspaceAudit(db.db, workspaceId, team.auditMacKey)).toMatchObject({
      ok: true,
    });
  });

  it('deletes a halted VM in one step', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    const stopQueue = laterQueue();
    const stopId = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
    await executeApproved(deps(conn, stopQueue.later), stopId);
    await stopQueue.runAll();
    await expect(vmInfo(conn, vmId)).rejects.toSatisfy(isGone);
  });

  it('does not delete when the stop ends in ERROR, and says why', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    sim.control.failNext({ apiKey, type: 'vm_stop' });
    const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
    const queue = laterQueue();
    await executeApproved(deps(conn, queue.later), id);
    await queue.runAll();
    const failed = await approvals.get(workspaceId, id);
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toMatch(/^Operation #\d+ ended ERROR.*; the rest was not run\.$/);
    expect((await vmInfo(conn, vmId)).hostname).toBe(vm.hostname);
  });

  it('refuses to delete a VM renamed since the request, and runs only once', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const id = await approved('vm.delete', { vm_id: vmId, hostname: 'not-its-name' });
    const queue = laterQueue();
    await expect(executeApproved(deps(conn, queue.later), id)).rejects.toThrow(
      'The hostname does not match.',
    );
    const failed = await approvals.get(workspaceId, id);
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toBe('The hostname does not match.');
    await expect(executeApproved(deps(conn, queue.later), id)).rejects.toThrow(
      'Only an approved request runs; this one is failed.',
    );
    expect(queue.size).toBe(0);
    expect((await vmInfo(conn, vmId)).state).toBe('running');
  });

  it('creates a disk over quota for the requester, who then owns it', async () => {
    const { conn } = await workspace();
    const id = await approved('disk.create', {
      source: 'empty',
      datacenter_id: 4,
      name: 'scratch',
      size_gb: 5,
      snapshot_profile: null,
    });
    const { request, operations } = await executeApproved(
      deps(conn, () => {
        throw new Error('a disk creation has no later step');
      }),
      id,
    );
    expect(request.state).toBe('done');
    const owned = await team.ownersOf(workspaceId, 'disk');
    const [diskId] = [...owned.keys()];
    expect(owned.get(diskId!)).toBe(REQUESTER);
    const disk = await diskInfo(conn, diskId!);
    expect(disk.name).toBe('scratch');
    expect(disk.size).toBe(5 * 1024);
    expect(request.operationIds).toEqual(operations.map((op) => op.id));
  });

  it('creates a public IP and attaches it to the VM asked for once the creation is DONE', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1, datacenterId: 4 }).vmIds as [number];
    const id = await approved('iface.create', {
      datacenter_id: 4,
      ip_mode: 'dual',
      bandwidth: 102400,
      vm_id: vmId,
    });
    const queue = laterQueue();
    await executeApproved(deps(conn, queue.later), id);
    await queue.runAll();
    const done = await approvals.get(workspaceId, id);
    expect(done?.state).toBe('done');
    const ifaces = await team.ownersOf(workspaceId, 'iface');
    const [ifaceId] = [...ifaces.keys()];
    expect(ifaces.get(ifaceId!)).toBe(REQUESTER);
    expect((await ifaceInfo(conn, ifaceId!)).vmId).toBe(vmId);
  });

  it('fails a damaged request without calling the API', async () => {
    const { conn } = await workspace();
    const id = await approved('disk.create', { source: 'empty', name: 'x', size_gb: -1 });
    await expect(
      executeApproved(
        deps(conn, () => undefined),
        id,
      ),
    ).rejects.toThrow('This request is damaged: it cannot run.');
    expect((await approvals.get(workspaceId, id))?.state).toBe('failed');
    expect((await team.ownersOf(workspaceId, 'disk')).size).toBe(0);
  });

  it('grows a VM and a disk past the quota as asked, re-planned against them now', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    const noLater = () => {
      throw new Error('a resize has no later step');
    };
    const grow = await approved('vm.update', {
      vm_id: vmId,
      hostname: vm.hostname,
      cores: vm.cores + 1,
      memory: vm.memory,
      accept_reboot: false,
    });
    expect((await executeApproved(deps(conn, noLater), grow)).request.state).toBe('done');
    expect((await vmInfo(conn, vmId)).cores).toBe(vm.cores + 1);

    // Memory past the live maximum of a running VM needs a restart nobody agreed to: refused.
    const restart = await approved('vm.update', {
      vm_id: vmId,
      hostname: vm.hostname,
      cores: vm.cores + 1,
      memory: 64 * 1024,
      accept_reboot: false,
    });
    await expect(executeApproved(deps(conn, noLater), restart)).rejects.toThrow(/restart/);
    expect((await approvals.get(workspaceId, restart))?.state).toBe('failed');
    expect((await vmInfo(conn, vmId)).memory).toBe(vm.memory);

    const disk = vm.disks[0]!;
    const sizeGb = Math.ceil(disk.size / 1024) + 2;
    const diskGrow = await approved('disk.update', {
      disk_id: disk.id,
      name: disk.name,
      size_gb: sizeGb,
    });
    expect((await executeApproved(deps(conn, noLater), diskGrow)).request.state).toBe('done');
    expect((await diskInfo(conn, disk.id)).size).toBe(sizeGb * 1024);
  });

  it('takes a snapshot over quota for the requester, who then owns it', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const source = (await vmInfo(conn, vmId)).disks[0]!;
    const id = await approved('disk.snapshot', {
      disk_id: source.id,
      disk_name: source.name,
      name: 'before-upgrade',
    });
    const { request } = await executeApproved(
      deps(conn, () => {
        throw new Error('a snapshot has no later step');
      }),
      id,
    );
    expect(request.state).toBe('done');
    const owned = [...(await team.ownersOf(workspaceId, 'disk')).keys()];
    expect(owned).toHaveLength(1);
    const snapshot = await diskInfo(conn, owned[0]!);
    expect(snapshot.name).toBe('before-upgrade');
    expect(snapshot.type).toBe('snapshot');
  });

  it('gives up on a step whose operations do not end in time, and deletes nothing', async () => {
    // Operations here take seconds (about 1 s WAIT + 3 s RUN), longer than the step may wait.
    const slow = await startSimulator({ port: 0, memory: true, quiet: true });
    try {
      const apiKey = slow.control.createAccount().apiKey;
      const created = await team.createWorkspace({
        name: 'Slow',
        endpointId: 'simulator',
        handle: 'AB1234-GANDI',
        apiKey,
        ownerEmail: 'owner-slow@example.test',
        ownerPasswordHash: 'x',
      });
      workspaceId = created.workspace.id;
      ownerId = created.owner.id;
      const conn: GandiConnection = { endpoint: slow.url, apiKey, timeoutMs: 10_000 };
      const [vmId] = slow.control.createVms({ apiKey, count: 1 }).vmIds as [number];
      const vm = await vmInfo(conn, vmId);
      const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
      const queue = laterQueue();
      await executeApproved({ ...deps(conn, queue.later), stepTimeoutMs: 2_000 }, id);
      await queue.runAll();
      const failed = await approvals.get(workspaceId, id);
      expect(failed?.state).toBe('failed');
      expect(failed?.error).toMatch(
        /^Operations #\d+ had not ended after 2 seconds; the rest was not run\.$/,
      );
      expect((await vmInfo(conn, vmId)).hostname).toBe(vm.hostname);
    } finally {
      await slow.close();
    }
  });
});
