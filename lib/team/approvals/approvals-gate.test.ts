/**
 * Attacks on the paths around the forms, against real parts (simulator, SQLite team store): each
 * one worked before the gate — an approval request could name another member's disk as the
 * source of a VM, a template could too, and a resize skipped the policy's "above N cores".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { imageList, vmCount, vmInfo, vmUpdate, type GandiConnection } from '@/lib/gandi';
import { openTeamWorld, type TeamWorld } from '../testing/team-world';
import type { TeamPrincipal } from '../principal';
import { gatedConnection, GateHold, GateRefusal } from '../gate/gated-connection';
import { requesterConnection } from '../gate/requester-connection';
import { describeCall } from '../gate/describe-call';
import { loadCallNames } from '../gate/call-names';
import { launchTemplate } from '../templates/launch';
import type { TemplateSpec } from '../templates/template-schema';
import { ApprovalStore } from './approval-store';

vi.mock('../client-address', () => ({ requestAddress: async () => '203.0.113.9' }));
// A wizard request's password is sealed with the portal key (none in these requests, but the
// kind opens the sealer).
process.env.PORTAL_ENCRYPTION_KEY ??= Buffer.alloc(32, 5).toString('base64');

const { fileCallRequest } = await import('./file-request');
const { executeApproved } = await import('./execute');

let world: TeamWorld;
let conn: GandiConnection;
let workspaceId = '';
let members: Record<string, TeamPrincipal>;
let approvals: ApprovalStore;
/** The admin's VM and its system disk: what the operator wants a copy of. */
let adminDisk = 0;
let operatorVm = 0;
let imageDiskId = 0;

const member = (p: TeamPrincipal) => ({
  workspaceId: p.workspaceId,
  memberId: p.memberId,
  role: p.role,
});

async function setPolicy(aboveCores: number | null) {
  await world.db.db
    .withTables<{ approval_policies: Record<string, unknown> }>()
    .insertInto('approval_policies')
    .values({
      workspace_id: workspaceId,
      above_cores: aboveCores,
      operator_deletes: 0,
      updated_by: 'test',
      updated_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ above_cores: aboveCores }))
    .execute();
}

const exfilCall = () => ({
  method: 'hosting.vm.create_from',
  args: [
    {
      datacenter_id: 3,
      hostname: 'exfil',
      memory: 256,
      cores: 1,
      ip_version: 6,
      bandwidth: 102400,
    },
    { datacenter_id: 3, name: 'sys_exfil', size: 10240 },
    adminDisk,
  ],
});

beforeAll(async () => {
  world = await openTeamWorld();
  ({ conn, workspaceId, members } = await world.workspace());
  approvals = new ApprovalStore(world.db.db, undefined, (id, input) =>
    world.store.appendAudit(id, input),
  );
  const [adminVm, mine] = world.sim.control.createVms({
    apiKey: conn.apiKey,
    count: 2,
    datacenterId: 3,
  }).vmIds;
  adminDisk = (await vmInfo(conn, adminVm!)).disks[0]!.id;
  operatorVm = mine!;
  await world.store.recordOwner(workspaceId, { kind: 'vm', id: adminVm! }, members.admin!.memberId);
  await world.store.recordOwner(
    workspaceId,
    { kind: 'disk', id: adminDisk },
    members.admin!.memberId,
  );
  await world.store.recordOwner(
    workspaceId,
    { kind: 'vm', id: operatorVm },
    members.operator!.memberId,
  );
  imageDiskId = (await imageList(conn, { datacenter_id: 3 })).find(
    (i) => i.datacenterId === 3,
  )!.diskId;
});

afterAll(async () => {
  await world.close();
});

beforeEach(async () => {
  await setPolicy(null);
});

async function approve(id: string) {
  const decided = await approvals.apply(workspaceId, id, {
    type: 'approve',
    by: members.owner!.memberId,
    role: 'owner',
    reason: 'looks fine',
  });
  expect(decided.ok).toBe(true);
  return executeApproved(
    {
      approvals,
      team: world.store,
      conn,
      workspaceId,
      gateFor: (request) => requesterConnection(conn, workspaceId, request),
      actor: { memberId: members.owner!.memberId, memberEmail: 'o', ip: null },
    },
    id,
  );
}

describe("an approval request cannot copy another member's disk", () => {
  it('refuses to file it: the gate decides the stored call as for the operator', async () => {
    const before = (await approvals.list(workspaceId)).length;
    await expect(
      fileCallRequest(conn, members.operator!, {
        action: 'vm.create',
        params: {},
        call: exfilCall(),
      }),
    ).rejects.toMatchObject({ kind: 'ownership' });
    expect((await approvals.list(workspaceId)).length).toBe(before);
  });

  it('a request stored with such a call (forged, or filed before) fails when approved', async () => {
    const vms = await vmCount(conn);
    const call = exfilCall();
    const [vmSpec, diskSpec, src] = call.args as [
      Record<string, unknown>,
      Record<string, unknown>,
      number,
    ];
    // The operator's request for that creation, with the call it would send or without it.
    const file = (stored: typeof call | undefined) =>
      approvals.create(workspaceId, {
        requestedBy: members.operator!.memberId,
        requesterEmail: members.operator!.memberEmail,
        action: 'vm.create',
        params: {
          hostname: 'exfil',
          cores: 1,
          memory: 256,
          vm_spec: vmSpec,
          disk_spec: diskSpec,
          src_disk_id: src,
        },
        ...(stored ? { call: stored } : {}),
        why: 'Asked by the member.',
      });
    const id = await file(call);
    await expect(approve(id)).rejects.toBeInstanceOf(GateRefusal);
    expect((await approvals.get(workspaceId, id))?.state).toBe('failed');
    // Without a stored call the run itself is decided as it is sent: refused too.
    const legacy = await file(undefined);
    await expect(approve(legacy)).rejects.toBeInstanceOf(GateRefusal);
    expect(await vmCount(conn)).toBe(vms);
  });

  it('the card says what will run, its source by name', async () => {
    const call = { ...exfilCall(), args: [exfilCall().args[0], exfilCall().args[1], imageDiskId] };
    const names = await loadCallNames(conn, [call, exfilCall()]);
    expect(describeCall(call, names)).toMatch(
      /^Create VM exfil \(1 core, 256 MB\) in datacenter #3, 10 GB system disk from image .+ \(disk #\d+\)$/,
    );
    expect(describeCall(exfilCall(), names)).toMatch(/from a copy of disk .+ \(#\d+\)$/);
  });
});

describe('templates are decided at launch', () => {
  const spec = (src: number): TemplateSpec => ({
    datacenter_id: 3,
    src_disk_id: src,
    cores: 1,
    memory: 256,
    disk_size: 10240,
    ip_mode: 'ipv6',
    bandwidth: 102400,
    ssh_key_ids: [],
    run: '',
    snapshot_profile: null,
  });

  it("refuses an operator's launch of a template whose source is another member's disk", async () => {
    const vms = await vmCount(conn);
    const operator = gatedConnection(conn, member(members.operator!));
    await expect(launchTemplate(operator, spec(adminDisk), 'tpl-exfil')).rejects.toMatchObject({
      kind: 'ownership',
    });
    expect(await vmCount(conn)).toBe(vms);
    const launched = await launchTemplate(operator, spec(imageDiskId), 'tpl-ok');
    expect(launched.operations.length).toBeGreaterThan(0);
  });
});

describe('resizing is held above the policy cores like creating', () => {
  it('holds the operator’s resize past the line; the approved request runs it', async () => {
    await setPolicy(1);
    const operator = gatedConnection(conn, member(members.operator!));
    const cores = (await vmInfo(conn, operatorVm)).cores;
    await expect(vmUpdate(operator, operatorVm, { cores: cores + 1 })).rejects.toBeInstanceOf(
      GateHold,
    );
    expect((await vmInfo(conn, operatorVm)).cores).toBe(cores);
    const id = await fileCallRequest(conn, members.operator!, {
      action: 'vm.update',
      params: {
        vm_id: operatorVm,
        hostname: 'x',
        cores: cores + 1,
        memory: (await vmInfo(conn, operatorVm)).memory,
        accept_reboot: true,
      },
      call: { method: 'hosting.vm.update', args: [operatorVm, { cores: cores + 1 }] },
    });
    expect((await approvals.get(workspaceId, id))?.why).toMatch(/^Policy: launches above 1 core/);
    await approve(id);
    expect((await approvals.get(workspaceId, id))?.state).toMatch(/done|executing/);
  });
});
