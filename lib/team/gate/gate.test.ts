/**
 * The gate against real parts: the in-process simulator and a SQLite team store. Each rule of the
 * decision is shown with a call that it lets run and one that it stops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  diskInfo,
  imageList,
  runGated,
  UngatedCallError,
  vmCreateFrom,
  vmInfo,
  vmStart,
  vmStop,
  type GandiConnection,
} from '@/lib/gandi';
import { openTeamWorld, type TeamWorld } from '../testing/team-world';
import type { TeamPrincipal } from '../principal';
import { getQuotaStore } from '../quotas/quota-store';
import { decideFor, gatedConnection, GateRefusal } from './gated-connection';
import type { GateMember } from './gate-types';

let world: TeamWorld;
let conn: GandiConnection;
let workspaceId = '';
let members: Record<string, TeamPrincipal>;
let operatorVm = 0;
let othersVm = 0;
let othersDisk = 0;
let image: { diskId: number; datacenterId: number };

const asMember = (p: TeamPrincipal): GateMember => ({
  workspaceId: p.workspaceId,
  memberId: p.memberId,
  role: p.role,
});
const decide = (who: string, method: string, args: unknown[]) =>
  decideFor(conn, asMember(members[who]!), { method, args });

async function setPolicy(aboveCores: number | null, operatorDeletes: boolean) {
  const { db } = world.db;
  await db
    .withTables<{ approval_policies: Record<string, unknown> }>()
    .insertInto('approval_policies')
    .values({
      workspace_id: workspaceId,
      above_cores: aboveCores,
      operator_deletes: operatorDeletes ? 1 : 0,
      updated_by: 'test',
      updated_at: new Date().toISOString(),
    })
    .onConflict((oc) =>
      oc
        .column('workspace_id')
        .doUpdateSet({ above_cores: aboveCores, operator_deletes: operatorDeletes ? 1 : 0 }),
    )
    .execute();
}

beforeAll(async () => {
  world = await openTeamWorld();
  const ws = await world.workspace();
  ({ conn, workspaceId, members } = ws);
  const [mine, theirs] = world.sim.control.createVms({
    apiKey: conn.apiKey,
    count: 2,
    datacenterId: 3,
  }).vmIds;
  operatorVm = mine!;
  othersVm = theirs!;
  await world.store.recordOwner(
    workspaceId,
    { kind: 'vm', id: operatorVm },
    members.operator!.memberId,
  );
  await world.store.recordOwner(workspaceId, { kind: 'vm', id: othersVm }, members.admin!.memberId);
  othersDisk = (await vmInfo(conn, othersVm)).disks[0]!.id;
  await world.store.recordOwner(
    workspaceId,
    { kind: 'disk', id: othersDisk },
    members.admin!.memberId,
  );
  const images = await imageList(conn, { datacenter_id: 3 });
  image = images.find((candidate) => candidate.datacenterId === 3)!;
});

afterAll(async () => {
  await world.close();
});

const vmSpec = (cores = 1) => ({
  datacenter_id: 3,
  hostname: 'gate1',
  memory: 512,
  cores,
  ip_version: 6 as const,
  bandwidth: 102400,
});
const diskSpec = { datacenter_id: 3, name: 'gate1-sys', size: 4096 };

describe('the gate decides every call: (member, method, args) → run | hold | refuse', () => {
  it('refuses by permission (role), before anything else', async () => {
    expect(await decide('viewer', 'hosting.vm.start', [operatorVm])).toMatchObject({
      verdict: 'refuse',
      kind: 'permission',
    });
    expect(
      await decide('operator', 'hosting.vlan.create', [{ name: 'v', datacenter_id: 3 }]),
    ).toMatchObject({
      verdict: 'refuse',
      kind: 'permission',
    });
  });

  it('refuses by ownership: an operator acts on their own objects only', async () => {
    expect(await decide('operator', 'hosting.vm.stop', [operatorVm])).toMatchObject({
      verdict: 'run',
    });
    expect(await decide('operator', 'hosting.vm.stop', [othersVm])).toMatchObject({
      verdict: 'refuse',
      kind: 'ownership',
    });
    expect(await decide('admin', 'hosting.vm.stop', [operatorVm])).toMatchObject({
      verdict: 'run',
    });
  });

  it("refuses a creation from another member's disk (the source is touched too)", async () => {
    const decision = await decide('operator', 'hosting.vm.create_from', [
      vmSpec(),
      diskSpec,
      othersDisk,
    ]);
    expect(decision).toMatchObject({ verdict: 'refuse', kind: 'ownership' });
    expect(
      await decide('operator', 'hosting.disk.create_from', [
        { datacenter_id: 3, name: 'x' },
        othersDisk,
      ]),
    ).toMatchObject({
      verdict: 'refuse',
      kind: 'ownership',
    });
    // From an image offered in the datacenter: runs.
    expect(
      await decide('operator', 'hosting.vm.create_from', [vmSpec(), diskSpec, image.diskId]),
    ).toMatchObject({
      verdict: 'run',
      permission: 'vm.create',
    });
  });

  it('applies the catalogue: the source is usable there, the datacenter is open, sizes fit', async () => {
    const elsewhere = (await imageList(conn)).find((i) => i.datacenterId !== 3)!;
    expect(
      await decide('owner', 'hosting.vm.create_from', [vmSpec(), diskSpec, elsewhere.diskId]),
    ).toMatchObject({
      verdict: 'refuse',
      kind: 'catalogue',
    });
    expect(
      await decide('owner', 'hosting.vm.create_from', [
        { ...vmSpec(), datacenter_id: 2 },
        { ...diskSpec, datacenter_id: 2 },
        image.diskId,
      ]),
    ).toMatchObject({ verdict: 'refuse', kind: 'catalogue' });
    expect(
      await decide('owner', 'hosting.vm.create_from', [
        vmSpec(),
        { ...diskSpec, size: 1024 },
        image.diskId,
      ]),
    ).toMatchObject({
      verdict: 'refuse',
      kind: 'catalogue',
    });
    expect(
      await decide('owner', 'hosting.vm.create_from', [vmSpec(99), diskSpec, image.diskId]),
    ).toMatchObject({
      verdict: 'refuse',
      kind: 'catalogue',
    });
    expect(
      await decide('owner', 'hosting.vm.create_from', [
        { ...vmSpec(), keys: [987654] },
        diskSpec,
        image.diskId,
      ]),
    ).toMatchObject({ verdict: 'refuse', kind: 'catalogue' });
  });

  it('refuses unknown methods and arguments that are not what the method takes', async () => {
    expect(await decide('owner', 'hosting.vm.explode', [1])).toMatchObject({
      verdict: 'refuse',
      kind: 'invalid',
    });
    expect(await decide('owner', 'hosting.vm.start', ['1'])).toMatchObject({
      verdict: 'refuse',
      kind: 'invalid',
    });
    expect(await decide('owner', 'hosting.vm.start', [1, 2])).toMatchObject({
      verdict: 'refuse',
      kind: 'invalid',
    });
  });

  it('holds creations AND resizes above the policy cores, and operators deletes', async () => {
    await setPolicy(1, true);
    try {
      expect(
        await decide('operator', 'hosting.vm.create_from', [vmSpec(2), diskSpec, image.diskId]),
      ).toMatchObject({
        verdict: 'hold',
      });
      expect(
        await decide('operator', 'hosting.vm.update', [operatorVm, { cores: 2 }]),
      ).toMatchObject({
        verdict: 'hold',
      });
      // Not growing past the line, or an approver: runs.
      expect(
        await decide('operator', 'hosting.vm.update', [operatorVm, { memory: 512 }]),
      ).toMatchObject({
        verdict: 'run',
      });
      expect(await decide('admin', 'hosting.vm.update', [operatorVm, { cores: 2 }])).toMatchObject({
        verdict: 'run',
      });
      expect(await decide('operator', 'hosting.vm.delete', [operatorVm])).toMatchObject({
        verdict: 'hold',
      });
      expect(await decide('admin', 'hosting.vm.delete', [operatorVm])).toMatchObject({
        verdict: 'run',
      });
    } finally {
      await setPolicy(null, false);
    }
  });

  it('refuses what crosses a quota, naming the limit', async () => {
    const quotas = await getQuotaStore();
    await quotas.setLimits(workspaceId, members.operator!.memberId, { cores: 1 }, 'test');
    try {
      const decision = await decide('operator', 'hosting.vm.create_from', [
        vmSpec(1),
        diskSpec,
        image.diskId,
      ]);
      expect(decision).toMatchObject({ verdict: 'refuse', kind: 'quota' });
      expect(decision.verdict === 'refuse' && decision.reason).toMatch(
        /^Over quota — Cores: your quota is 1/,
      );
    } finally {
      await quotas.setLimits(workspaceId, members.operator!.memberId, {}, 'test');
    }
  });
});

describe('the gated connection', () => {
  it('sends only what the gate lets run; a refusal leaves the account untouched', async () => {
    const viewer = gatedConnection(conn, asMember(members.viewer!));
    const before = (await vmInfo(conn, operatorVm)).state;
    await expect(vmStop(viewer, operatorVm)).rejects.toBeInstanceOf(GateRefusal);
    expect((await vmInfo(conn, operatorVm)).state).toBe(before);
    const operator = gatedConnection(conn, asMember(members.operator!));
    await expect(vmCreateFrom(operator, vmSpec(), diskSpec, othersDisk)).rejects.toMatchObject({
      kind: 'ownership',
    });
    expect((await diskInfo(conn, othersDisk)).id).toBe(othersDisk);
  });

  it('refuses a mutator called around it in work a member caused', async () => {
    // A copy of the key without the gate, as team code could build by hand.
    const raw: GandiConnection = { endpoint: conn.endpoint, apiKey: conn.apiKey };
    await expect(runGated(() => vmStart(raw, operatorVm))).rejects.toBeInstanceOf(UngatedCallError);
    const operator = gatedConnection(conn, asMember(members.operator!));
    await expect(runGated(() => vmStart(operator, othersVm))).rejects.toBeInstanceOf(GateRefusal);
  });
});
