/**
 * The team guard against real parts: a team store on each storage backend (installed as the
 * server's, see team-world.ts) and the in-process simulator over HTTP. Only the client address is
 * replaced.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { imageList, vmCreateFrom, vmList, type GandiConnection } from '@/lib/gandi';
import type { VerifiedSession } from '@/lib/dal/auth';
import { listAudit, verifyWorkspaceAudit } from './store/audit-store';
import { openTeamWorld, type TeamWorld } from './testing/team-world';
import { TEST_BACKENDS } from './testing/test-db';
import type { TeamPrincipal } from './principal';
import type { Role } from './roles';

vi.mock('./client-address', () => ({ requestAddress: async () => '203.0.113.7' }));

const { authorizeTeamAction, recordTeamOutcome, UNDECLARED_MESSAGE } = await import('./guard');

const deleteVm = {
  permission: 'vm.delete' as const,
  resource: ({ vm_id }: { vm_id: number }) => ({ kind: 'vm' as const, id: vm_id }),
};

describe.each(TEST_BACKENDS)('team guard (%s)', (backend) => {
  let world: TeamWorld;
  let conn: GandiConnection;
  let workspaceId = '';
  let principals: Record<Role, TeamPrincipal>;
  const ctx = (): VerifiedSession => ({
    conn,
    handle: 'H',
    endpoint: { id: 'simulator', label: 'Simulator' },
  });

  beforeAll(async () => {
    world = await openTeamWorld(backend);
    ({ conn, workspaceId, members: principals } = await world.workspace());
  });
  afterAll(() => world.close());

  it('says in the audit entry when a delete was held for approval rather than run', async () => {
    const { vmIds } = world.sim.control.createVms({ apiKey: conn.apiKey, count: 1 });
    const input = { vm_id: vmIds[0]! };
    const held = { heldForApproval: { requestId: 'req-42', why: 'Policy' }, operations: [] };
    await recordTeamOutcome(
      ctx(),
      principals.admin,
      deleteVm,
      input,
      [{ kind: 'vm', id: input.vm_id }],
      {
        ok: true,
        data: held,
      },
    );
    const entry = (await listAudit(world.db.db, workspaceId)).find(
      (e) => e.action === 'vm.delete' && e.resource === `vm:${input.vm_id}`,
    );
    expect(entry).toMatchObject({ result: 'ok', message: 'Held for approval (request req-42).' });
    expect(JSON.parse(entry!.operations)).toEqual([]);
  });

  it('lets an operator manage only the VM it created, and records it', async () => {
    const [image] = await imageList(conn, { datacenter_id: 4, label: 'Debian 9' });
    const input = { hostname: 'op1', password: 'secret-password-1' };
    const create = { permission: 'vm.create' as const };
    const allowed = await authorizeTeamAction(ctx(), principals.operator, create, input, input);
    expect(allowed).toEqual({ allowed: true, refs: [] });
    const ops = await vmCreateFrom(
      conn,
      {
        datacenter_id: 4,
        hostname: 'op1',
        memory: 512,
        cores: 1,
        ip_version: 4,
        bandwidth: 102400,
        password: input.password,
      },
      { name: 'sysop1' },
      image!.diskId,
    );
    await recordTeamOutcome(ctx(), principals.operator, create, input, [], {
      ok: true,
      data: { operations: ops.map((op) => ({ id: op.id, type: op.type })) },
    });
    const [vm] = await vmList(conn, { hostname: 'op1' });
    const others = await world.sim.control.createVms({ apiKey: conn.apiKey, count: 1 });
    const otherVmId = others.vmIds[0]!;

    const own = await authorizeTeamAction(
      ctx(),
      principals.operator,
      deleteVm,
      { vm_id: vm!.id },
      {},
    );
    expect(own.allowed).toBe(true);
    const foreign = await authorizeTeamAction(
      ctx(),
      principals.operator,
      deleteVm,
      { vm_id: otherVmId },
      {},
    );
    expect(foreign).toEqual({
      allowed: false,
      message: 'Your role (Operator) does not allow this.',
    });
    // Admins and owners manage everything; viewers nothing.
    for (const role of ['owner', 'admin'] as const) {
      expect(
        (await authorizeTeamAction(ctx(), principals[role], deleteVm, { vm_id: otherVmId }, {}))
          .allowed,
      ).toBe(true);
    }
    expect(
      (await authorizeTeamAction(ctx(), principals.viewer, deleteVm, { vm_id: vm!.id }, {}))
        .allowed,
    ).toBe(false);

    const entries = await listAudit(world.db.db, workspaceId);
    const creation = entries.find((entry) => entry.action === 'vm.create');
    expect(creation).toMatchObject({ result: 'ok', resource: `vm:${vm!.id}`, ip: '203.0.113.7' });
    expect(creation?.params).toContain('[redacted]');
    expect(creation?.params).not.toContain(input.password);
    expect(JSON.parse(creation!.operations)).toHaveLength(3);
    const refusals = entries.filter((entry) => entry.result === 'refused');
    expect(refusals.map((entry) => [entry.memberEmail, entry.resource])).toEqual([
      [principals.viewer.memberEmail, `vm:${vm!.id}`],
      [principals.operator.memberEmail, `vm:${otherVmId}`],
    ]);
    expect(
      await verifyWorkspaceAudit(world.db.db, workspaceId, world.store.auditMacKey),
    ).toMatchObject({ ok: true });
  });

  it('lets an operator create, but not attach the new object to what is not theirs', async () => {
    const others = await world.sim.control.createVms({ apiKey: conn.apiKey, count: 1 });
    const foreignVm = others.vmIds[0]!;
    const createIface = {
      permission: 'iface.create' as const,
      resource: ({ vm_id }: { vm_id?: number }) =>
        vm_id === undefined ? null : { kind: 'vm' as const, id: vm_id },
    };
    expect(
      (await authorizeTeamAction(ctx(), principals.operator, createIface, {}, {})).allowed,
    ).toBe(true);
    expect(
      (await authorizeTeamAction(ctx(), principals.operator, createIface, { vm_id: foreignVm }, {}))
        .allowed,
    ).toBe(false);
    expect(
      (await authorizeTeamAction(ctx(), principals.admin, createIface, { vm_id: foreignVm }, {}))
        .allowed,
    ).toBe(true);
  });

  it('refuses an action that declares nothing, and one whose resource cannot be named', async () => {
    expect(
      await authorizeTeamAction(ctx(), principals.owner, undefined, undefined, { x: 1 }),
    ).toEqual({
      allowed: false,
      message: UNDECLARED_MESSAGE,
    });
    const unnamed = { permission: 'vm.stop' as const };
    expect(
      (await authorizeTeamAction(ctx(), principals.operator, unnamed, { vm_id: 1 }, {})).allowed,
    ).toBe(false);
    const [latest] = await listAudit(world.db.db, workspaceId, { limit: 1 });
    expect(latest).toMatchObject({ action: 'vm.stop', result: 'refused' });
  });

  it('never writes the workspace key into the audit, whatever field carries it', async () => {
    const input = { note: `key=${conn.apiKey}`, vm_id: 1 };
    await authorizeTeamAction(ctx(), principals.viewer, deleteVm, input, input);
    const entries = await listAudit(world.db.db, workspaceId);
    expect(JSON.stringify(entries)).not.toContain(conn.apiKey);
  });
});
