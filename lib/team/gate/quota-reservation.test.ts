/**
 * Quotas as reservations, against the simulator and each storage backend: concurrent creations
 * can never pass the limit together (before: 6 simultaneous creations with 1 left gave 6 VMs),
 * and a reservation ends when its operation ends in ERROR or the upstream refuses the call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  imageList,
  vmCreateFrom,
  vmList,
  waitForOperations,
  type GandiConnection,
} from '@/lib/gandi';
import { openTeamWorld, type TeamWorld } from '../testing/team-world';
import { TEST_BACKENDS } from '../testing/test-db';
import type { TeamPrincipal } from '../principal';
import { getQuotaStore } from '../quotas/quota-store';
import { gatedConnection } from './gated-connection';
import { getReservationStore } from './quota-reservation';

describe.each(TEST_BACKENDS)('quota reservations (%s)', (backend) => {
  let world: TeamWorld;
  let conn: GandiConnection;
  let workspaceId = '';
  let operator: TeamPrincipal;
  let image = 0;

  beforeAll(async () => {
    world = await openTeamWorld(backend);
    const ws = await world.workspace();
    ({ conn, workspaceId } = ws);
    operator = ws.members.operator!;
    image = (await imageList(conn, { datacenter_id: 3 })).find((i) => i.datacenterId === 3)!.diskId;
  });

  afterAll(async () => {
    await world.close();
  });

  const gated = () =>
    gatedConnection(conn, {
      workspaceId,
      memberId: operator.memberId,
      role: operator.role,
    });
  const create = (hostname: string) =>
    vmCreateFrom(
      gated(),
      { datacenter_id: 3, hostname, memory: 256, cores: 1, ip_version: 6, bandwidth: 102400 },
      { datacenter_id: 3, name: `sys_${hostname}`, size: 3072 },
      image,
    );
  const settled = (results: PromiseSettledResult<unknown>[]) => ({
    ok: results.filter((r) => r.status === 'fulfilled').length,
    overQuota: results.filter(
      (r) =>
        r.status === 'rejected' && String((r.reason as Error).message).startsWith('Over quota'),
    ).length,
  });

  it('8 parallel creations with 2 VMs left: exactly 2 run', async () => {
    // One VM of the operator exists already; the quota is 3.
    const first = await create('first');
    await waitForOperations(
      conn,
      first.map((op) => op.id),
      { intervalMs: 10 },
    );
    await (await getQuotaStore()).setLimits(workspaceId, operator.memberId, { vms: 3 }, 'test');
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => create(`par${i}`)),
    );
    expect(settled(results)).toEqual({ ok: 2, overQuota: 6 });
    const vms = await vmList(conn);
    expect(vms.filter((vm) => vm.hostname.startsWith('par'))).toHaveLength(2);
  });

  it('frees the reservation when the operation ends in ERROR, and when upstream refuses', async () => {
    await (await getQuotaStore()).setLimits(workspaceId, operator.memberId, { vms: 4 }, 'test');
    const store = await getReservationStore();
    // The creation's VM operation fails upstream after it was accepted.
    world.sim.control.failNext({ apiKey: conn.apiKey, type: 'vm_create' });
    const failing = await create('fails');
    await waitForOperations(
      conn,
      failing.map((op) => op.id),
      { intervalMs: 10 },
    );
    expect((await store.active(workspaceId)).length).toBe(1);
    // The next creation settles it (ERROR: nothing to count) and fits in the last place.
    const ok = await create('fits');
    await waitForOperations(
      conn,
      ok.map((op) => op.id),
      { intervalMs: 10 },
    );
    // A call the upstream refuses (an invalid hostname) holds nothing afterwards.
    await (await getQuotaStore()).setLimits(workspaceId, operator.memberId, { vms: 5 }, 'test');
    await expect(create('bad_name!')).rejects.toMatchObject({ kind: 'fault' });
    expect((await store.active(workspaceId)).filter((r) => r.operationIds.length === 0)).toEqual(
      [],
    );
    await expect(create('last')).resolves.toBeDefined();
    await expect(create('one-too-many')).rejects.toThrow(/^Over quota — VMs: your quota is 5/);
  });
});
