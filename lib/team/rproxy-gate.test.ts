/**
 * Load balancers in a team workspace go through the gate, against the in-process simulator and
 * each storage backend: a viewer's and an operator's changes are refused before anything is sent
 * (including a backend named only by its id), a backend or vhost the account does not have is
 * refused, a creation is recorded as its member's, and the workspace's `rproxies` quota is a
 * reservation that concurrent creations cannot pass together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rproxyCreate,
  rproxyDelete,
  rproxyInfo,
  rproxyList,
  rproxyProbeDisable,
  rproxyProbeEnable,
  rproxyProbeUpdate,
  rproxyServerCreate,
  rproxyServerDelete,
  rproxyServerDisable,
  rproxyServerEnable,
  rproxyUpdate,
  rproxyVhostCreate,
  rproxyVhostDelete,
  rproxyVhostGetDnsEntries,
  waitForOperations,
  type GandiConnection,
  type Operation,
} from '@/lib/gandi';
import { decideFor, gatedConnection } from './gate/gated-connection';
import { getQuotaStore } from './quotas/quota-store';
import { openTeamWorld, type TeamWorld } from './testing/team-world';
import { TEST_BACKENDS } from './testing/test-db';
import type { TeamPrincipal } from './principal';

const spec = (name: string, datacenterId = 4) => ({
  datacenter_id: datacenterId,
  name,
  lb: { algorithm: 'round-robin' as const },
  ssl_enable: false,
  servers: [
    { ip: '192.0.2.1', port: 80 },
    { ip: '192.0.2.2', port: 80 },
  ],
});

const member = (p: TeamPrincipal) => ({
  workspaceId: p.workspaceId,
  memberId: p.memberId,
  role: p.role,
});

describe.each(TEST_BACKENDS)('load balancers through the gate (%s)', (backend) => {
  let world: TeamWorld;
  let conn: GandiConnection;
  let workspaceId = '';
  let members: Record<string, TeamPrincipal>;
  let lbId = 0;
  let backendId = 0;
  const as = (role: string) => gatedConnection(conn, member(members[role]!));
  const settle = async (ops: Operation | Operation[]) =>
    waitForOperations(
      conn,
      [ops].flat().map((op) => op.id),
      { intervalMs: 10 },
    );

  beforeAll(async () => {
    world = await openTeamWorld(backend);
    ({ conn, workspaceId, members } = await world.workspace());
    const ops = await rproxyCreate(as('admin'), spec('shared-lb'));
    await settle(ops);
    lbId = Number(ops[0]!.params.rproxy_id);
    backendId = (await rproxyInfo(conn, lbId)).backends[0]!.id;
    await settle(await rproxyVhostCreate(as('admin'), lbId, { vhost: 'www.example.com' }));
  });

  afterAll(async () => {
    await world.close();
  });

  it('records an admin’s creation as theirs (from the operation’s params.rproxy_id)', async () => {
    const owners = await world.store.ownersOf(workspaceId, 'rproxy');
    expect(owners.get(lbId)).toBe(members.admin!.memberId);
  });

  it.each(['viewer', 'operator'])(
    'refuses every change a %s causes, before it is sent',
    async (role) => {
      const gated = as(role);
      const attempts: [string, () => Promise<unknown>][] = [
        ['create', () => rproxyCreate(gated, spec('mine'))],
        ['update', () => rproxyUpdate(gated, lbId, { name: 'renamed' })],
        ['delete', () => rproxyDelete(gated, lbId)],
        ['probe.update', () => rproxyProbeUpdate(gated, lbId, { url: '/health' })],
        ['probe.enable', () => rproxyProbeEnable(gated, lbId)],
        ['probe.disable', () => rproxyProbeDisable(gated, lbId)],
        ['server.create', () => rproxyServerCreate(gated, lbId, { ip: '192.0.2.9', port: 80 })],
        // A backend named only by its id: the gate finds its load balancer, and the role decides.
        ['server.delete', () => rproxyServerDelete(gated, backendId)],
        ['server.enable', () => rproxyServerEnable(gated, backendId)],
        ['server.disable', () => rproxyServerDisable(gated, backendId)],
        ['vhost.create', () => rproxyVhostCreate(gated, lbId, { vhost: 'api.example.com' })],
        ['vhost.delete', () => rproxyVhostDelete(gated, 'www.example.com')],
        [
          'vhost.get_dns_entries',
          () => rproxyVhostGetDnsEntries(gated, { datacenter: 4, vhost: 'x.example.com' }),
        ],
      ];
      for (const [name, attempt] of attempts) {
        await expect(attempt(), name).rejects.toMatchObject({
          name: 'GateRefusal',
          kind: 'permission',
        });
      }
      const lb = await rproxyInfo(conn, lbId);
      expect(lb).toMatchObject({ name: 'shared-lb', state: 'running' });
      expect(lb.backends.map((b) => [b.id, b.state])).toContainEqual([backendId, 'running']);
      expect(lb.vhosts.map((v) => v.name)).toEqual(['www.example.com']);
      expect((await rproxyList(conn)).map((r) => r.name)).toEqual(['shared-lb']);
    },
  );

  it('ties a backend id and a vhost name to their load balancer, and refuses unknown ones', async () => {
    const admin = member(members.admin!);
    await expect(
      decideFor(conn, admin, { method: 'hosting.rproxy.server.delete', args: [backendId] }),
    ).resolves.toMatchObject({ verdict: 'run', touches: [{ kind: 'rproxy', id: lbId }] });
    await expect(
      decideFor(conn, admin, { method: 'hosting.rproxy.vhost.delete', args: ['www.example.com'] }),
    ).resolves.toMatchObject({ verdict: 'run', touches: [{ kind: 'rproxy', id: lbId }] });
    // Another account's backend (a forged id): this account has no such backend.
    const other = { ...conn, apiKey: world.sim.control.createAccount().apiKey };
    const foreign = await rproxyCreate(other, spec('theirs'));
    const foreignLb = Number(foreign[0]!.params.rproxy_id);
    await waitForOperations(
      other,
      foreign.map((op) => op.id),
      { intervalMs: 10 },
    );
    const foreignBackend = (await rproxyInfo(other, foreignLb)).backends[0]!.id;
    await expect(rproxyServerDelete(as('admin'), foreignBackend)).rejects.toMatchObject({
      name: 'GateRefusal',
      kind: 'catalogue',
    });
    await expect(rproxyVhostDelete(as('owner'), 'nowhere.example.com')).rejects.toMatchObject({
      kind: 'catalogue',
    });
    expect((await rproxyInfo(other, foreignLb)).backends).toHaveLength(2);
    // A datacenter closed to new resources.
    await expect(rproxyCreate(as('admin'), spec('closed', 2))).rejects.toMatchObject({
      kind: 'catalogue',
      message: expect.stringMatching(/closed to new resources/),
    });
    // Malformed arguments never reach the API.
    await expect(
      decideFor(conn, admin, { method: 'hosting.rproxy.server.delete', args: ['1'] }),
    ).resolves.toMatchObject({ verdict: 'refuse', kind: 'invalid' });
  });

  it('a workspace quota of 1 load balancer: 3 concurrent creations give 1', async () => {
    const fresh = await world.workspace();
    const gated = gatedConnection(fresh.conn, member(fresh.members.admin!));
    await (await getQuotaStore()).setLimits(fresh.workspaceId, null, { rproxies: 1 }, 'test');
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) => rproxyCreate(gated, spec(`race-${n}`))),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.length - refused.length).toBe(1);
    for (const r of refused) {
      expect((r.reason as Error).message).toMatch(
        /^Over quota — Load balancers: the workspace quota is 1/,
      );
      expect(r.reason).toMatchObject({ fieldErrors: { name: [expect.any(String)] } });
    }
    expect(await rproxyList(fresh.conn)).toHaveLength(1);
    // Once its operation is done, the live count (not the reservation) keeps the line.
    const ok = results.find((r) => r.status === 'fulfilled')!;
    await waitForOperations(
      fresh.conn,
      (ok as PromiseFulfilledResult<Operation[]>).value.map((op) => op.id),
      { intervalMs: 10 },
    );
    await expect(rproxyCreate(gated, spec('later'))).rejects.toThrow(/^Over quota/);
    expect(await rproxyList(fresh.conn)).toHaveLength(1);
  });
});
