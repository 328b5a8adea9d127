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

const { executeApproved, UNKNOWN_OUTCOME_MESSAGE } = await import('./execute');
type ApprovalCheckpoint = import('./execute').ApprovalCheckpoint;

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

/** A running VM of a fresh workspace and an approved request to delete it. */
async function approvedVmDelete() {
  const { apiKey, conn } = await workspace();
  const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
  const vm = await vmInfo(conn, vmId);
  const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
  return { apiKey, conn, vmId, vm, id };
}

/** An approved request for a public IP attached to a new VM (datacenter 4). */
async function approvedIpForVm() {
  const { apiKey, conn } = await workspace();
  const [vmId] = sim.control.createVms({ apiKey, count: 1, datacenterId: 4 }).vmIds as [number];
  const id = await approved('iface.create', {
    datacenter_id: 4,
    ip_mode: 'dual',
    bandwidth: 102400,
    vm_id: vmId,
  });
  return { conn, vmId, id };
}

/** An approved empty 5 GB disk named `name` (datacenter 4). */
const approvedDisk = (name: string) =>
  approved('disk.create', {
    source: 'empty',
    datacenter_id: 4,
    name,
    size_gb: 5,
    snapshot_profile: null,
  });

function deps(conn: GandiConnection) {
  // These tests are about running requests in steps; the gate's re-decision has its own
  // (`approvals-gate.test.ts`).
  const gateFor = async () => conn;
  return { approvals, team, conn, gateFor, workspaceId, actor: admin, pollIntervalMs: 5 };
}

/**
 * A job host whose replica dies once `when` holds for what it records: its signal aborts (as a
 * lost lease or SIGKILL ends its work) and the last checkpoint is what another replica reads.
 */
function dyingHost(when: (checkpoint: ApprovalCheckpoint) => boolean) {
  const controller = new AbortController();
  const host = {
    last: null as ApprovalCheckpoint | null,
    recorded: null,
    signal: controller.signal,
    record: async (checkpoint: ApprovalCheckpoint) => {
      host.last = JSON.parse(JSON.stringify(checkpoint)) as ApprovalCheckpoint;
      if (when(checkpoint)) controller.abort();
    },
  };
  return host;
}

/** The next replica: it reads the dead one's checkpoint and records its own. */
function takeOver(recorded: ApprovalCheckpoint | null) {
  const seen: ApprovalCheckpoint[] = [];
  return {
    seen,
    host: {
      recorded,
      record: async (checkpoint: ApprovalCheckpoint) => void seen.push(checkpoint),
    },
  };
}

const isGone = (err: unknown) => err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND';

describe('an approved request as a durable job, taken over after its replica died', () => {
  it('a stop-then-delete: the next replica waits for the recorded stop, then deletes', async () => {
    const { conn, vmId, id } = await approvedVmDelete();
    const dead = dyingHost((cp) => cp.operationIds.length > 0);
    await expect(executeApproved(deps(conn), id, dead)).rejects.toThrow();
    expect(dead.last).toEqual({ operationIds: [expect.any(Number)] });
    const executing = await approvals.get(workspaceId, id);
    expect(executing?.state).toBe('executing');
    // Run in a process of its own, nobody takes over a request already executing.
    await expect(executeApproved(deps(conn), id)).rejects.toThrow(/this one is executing/);

    const next = takeOver(JSON.parse(JSON.stringify(dead.last)) as ApprovalCheckpoint);
    const { request } = await executeApproved(deps(conn), id, next.host);
    expect(request.state).toBe('done');
    expect(request.operationIds).toHaveLength(2);
    expect(request.operationIds[0]).toBe(dead.last!.operationIds[0]);
    expect(next.seen.at(-1)).toEqual({ operationIds: request.operationIds });
    await expect(vmInfo(conn, vmId)).rejects.toSatisfy(isGone);
  });

  it('a delete already sent but never recorded is followed instead of sent again', async () => {
    const { conn, vmId, id } = await approvedVmDelete();
    const dead = dyingHost((cp) => cp.operationIds.length > 0);
    await executeApproved(deps(conn), id, dead).catch(() => undefined);
    // The stop ends, and (on the replica that died) the delete was sent but never recorded.
    const { operationList, vmDelete, waitForOperations } = await import('@/lib/gandi');
    await waitForOperations(conn, dead.last!.operationIds, { intervalMs: 5 });
    const sent = await vmDelete(conn, vmId);
    await executeApproved(deps(conn), id, takeOver(dead.last).host);
    const done = await approvals.get(workspaceId, id);
    expect(done?.state).toBe('done');
    expect(done?.operationIds).toEqual([...dead.last!.operationIds, sent.id]);
    expect(await operationList(conn, { vm_id: vmId, type: 'vm_delete' })).toHaveLength(1);
  });

  it('a public IP created before the crash is attached by the next replica, once', async () => {
    const { conn, vmId, id } = await approvedIpForVm();
    const dead = dyingHost((cp) => cp.operationIds.length > 0);
    await executeApproved(deps(conn), id, dead).catch(() => undefined);
    expect((await approvals.get(workspaceId, id))?.state).toBe('executing');

    // The next replica waits for the creation and dies as it is about to send the attach.
    const second = dyingHost((cp) => cp.sending === true && cp.operationIds.length > 0);
    second.recorded = dead.last as never;
    await executeApproved(deps(conn), id, second).catch(() => undefined);
    const { operationInfo, operationList, vmIfaceAttach } = await import('@/lib/gandi');
    const { ifaceId } = await operationInfo(conn, dead.last!.operationIds[0]!);
    const attaches = () => operationList(conn, { type: 'iface_attach', iface_id: ifaceId! });
    expect(await attaches()).toHaveLength(0);
    // … as if it had sent it before dying, unrecorded.
    const sent = await vmIfaceAttach(conn, vmId, ifaceId!);

    const { request } = await executeApproved(deps(conn), id, takeOver(second.last).host);
    expect(request.state).toBe('done');
    expect((await attaches()).map((op) => op.id)).toEqual([sent.id]);
    expect(request.operationIds).toEqual([...dead.last!.operationIds, sent.id]);
    expect((await ifaceInfo(conn, ifaceId!)).vmId).toBe(vmId);
  });

  it('a one-step call in flight when the replica died fails saying so; nothing is guessed', async () => {
    const { conn } = await workspace();
    const id = await approvedDisk('maybe');
    const dead = dyingHost((cp) => cp.sending === true);
    await expect(executeApproved(deps(conn), id, dead)).rejects.toThrow();
    // It died before sending: the upstream has no disk, and the next replica cannot know that.
    expect((await team.ownersOf(workspaceId, 'disk')).size).toBe(0);
    await expect(executeApproved(deps(conn), id, takeOver(dead.last).host)).rejects.toThrow(
      UNKNOWN_OUTCOME_MESSAGE,
    );
    expect(await approvals.get(workspaceId, id)).toMatchObject({
      state: 'failed',
      error: UNKNOWN_OUTCOME_MESSAGE,
    });
  });

  it('a request whose replica died before sending anything runs from the start', async () => {
    const { conn } = await workspace();
    const id = await approvedDisk('fresh');
    await approvals.apply(workspaceId, id, { type: 'execute' });
    const { request } = await executeApproved(deps(conn), id, takeOver(null).host);
    expect(request.state).toBe('done');
    expect((await team.ownersOf(workspaceId, 'disk')).size).toBe(1);
  });
});

describe('executing an approved request', () => {
  it('deletes a running VM in two steps: stop now, delete once the stop is DONE', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    expect(vm.state).toBe('running');
    const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
    const recorded: ApprovalCheckpoint[] = [];
    const first = await executeApproved(deps(conn), id, {
      recorded: null,
      record: async (cp) => void recorded.push(cp),
    });
    expect(first.operations).toHaveLength(1);
    const stopId = first.operations[0]!.id;
    // Recorded before each call, then with its operations: stop, then delete.
    expect(recorded).toEqual([
      { operationIds: [], sending: true },
      { operationIds: [stopId] },
      { operationIds: [stopId], sending: true },
      { operationIds: [stopId, expect.any(Number)] },
    ]);
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
    const { vmStop, waitForOperations } = await import('@/lib/gandi');
    await waitForOperations(conn, [(await vmStop(conn, vmId)).id], { intervalMs: 5 });
    const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
    const { request } = await executeApproved(deps(conn), id);
    expect(request.operationIds).toHaveLength(1);
    await expect(vmInfo(conn, vmId)).rejects.toSatisfy(isGone);
  });

  it('does not delete when the stop ends in ERROR, and says why', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    sim.control.failNext({ apiKey, type: 'vm_stop' });
    const id = await approved('vm.delete', { vm_id: vmId, hostname: vm.hostname });
    await expect(executeApproved(deps(conn), id)).rejects.toThrow(/ended ERROR/);
    const failed = await approvals.get(workspaceId, id);
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toMatch(/^Operation #\d+ ended ERROR.*; the rest was not run\.$/);
    expect((await vmInfo(conn, vmId)).hostname).toBe(vm.hostname);
  });

  it('refuses to delete a VM renamed since the request, and runs only once', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const id = await approved('vm.delete', { vm_id: vmId, hostname: 'not-its-name' });
    await expect(executeApproved(deps(conn), id)).rejects.toThrow('The hostname does not match.');
    const failed = await approvals.get(workspaceId, id);
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toBe('The hostname does not match.');
    await expect(executeApproved(deps(conn), id)).rejects.toThrow(
      'Only an approved request runs; this one is failed.',
    );
    expect((await vmInfo(conn, vmId)).state).toBe('running');
  });

  it('creates a disk over quota for the requester, who then owns it', async () => {
    const { conn } = await workspace();
    const id = await approvedDisk('scratch');
    const { request, operations } = await executeApproved(deps(conn), id);
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
    const { conn, vmId, id } = await approvedIpForVm();
    await executeApproved(deps(conn), id);
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
    await expect(executeApproved(deps(conn), id)).rejects.toThrow(
      'This request is damaged: it cannot run.',
    );
    expect((await approvals.get(workspaceId, id))?.state).toBe('failed');
    expect((await team.ownersOf(workspaceId, 'disk')).size).toBe(0);
  });

  it('grows a VM and a disk past the quota as asked, re-planned against them now', async () => {
    const { apiKey, conn } = await workspace();
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const vm = await vmInfo(conn, vmId);
    const grow = await approved('vm.update', {
      vm_id: vmId,
      hostname: vm.hostname,
      cores: vm.cores + 1,
      memory: vm.memory,
      accept_reboot: false,
    });
    expect((await executeApproved(deps(conn), grow)).request.state).toBe('done');
    expect((await vmInfo(conn, vmId)).cores).toBe(vm.cores + 1);

    // Memory past the live maximum of a running VM needs a restart nobody agreed to: refused.
    const restart = await approved('vm.update', {
      vm_id: vmId,
      hostname: vm.hostname,
      cores: vm.cores + 1,
      memory: 64 * 1024,
      accept_reboot: false,
    });
    await expect(executeApproved(deps(conn), restart)).rejects.toThrow(/restart/);
    expect((await approvals.get(workspaceId, restart))?.state).toBe('failed');
    expect((await vmInfo(conn, vmId)).memory).toBe(vm.memory);

    const disk = vm.disks[0]!;
    const sizeGb = Math.ceil(disk.size / 1024) + 2;
    const diskGrow = await approved('disk.update', {
      disk_id: disk.id,
      name: disk.name,
      size_gb: sizeGb,
    });
    expect((await executeApproved(deps(conn), diskGrow)).request.state).toBe('done');
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
    const { request } = await executeApproved(deps(conn), id);
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
      await expect(executeApproved({ ...deps(conn), stepTimeoutMs: 2_000 }, id)).rejects.toThrow(
        /had not ended/,
      );
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
