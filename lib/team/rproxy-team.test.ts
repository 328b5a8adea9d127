/**
 * Load balancers in a team workspace, against a team store on each storage backend and the
 * in-process simulator: the roles matrix (a viewer or an operator cannot change one), the audit
 * entry and ownership of a creation, and the workspace quota on their count.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rproxyCreate, versionInfo, type GandiConnection } from '@/lib/gandi';
import type { VerifiedSession } from '@/lib/dal/auth';
import { getQuotaStore } from './quotas/quota-store';
import { listAudit } from './store/audit-store';
import { openTeamWorld, type TeamWorld } from './testing/team-world';
import { TEST_BACKENDS } from './testing/test-db';
import type { TeamPrincipal } from './principal';
import type { Role } from './roles';

vi.mock('./client-address', () => ({ requestAddress: async () => '203.0.113.7' }));

const { authorizeTeamAction, recordTeamOutcome } = await import('./guard');
const { preflight } = await import('./gate/preflight');
/** The quota is the gate's: a creation's call decided as it would be sent. */
const checkRproxyQuota = (session: VerifiedSession) =>
  preflight(session, { method: 'hosting.rproxy.create', args: [SPEC] });

const SPEC = {
  datacenter_id: 4,
  name: 'team-lb',
  lb: { algorithm: 'round-robin' as const },
  ssl_enable: false,
  servers: [{ ip: '192.0.2.1', port: 80 }],
};

describe.each(TEST_BACKENDS)('load balancers in a team (%s)', (backend) => {
  let world: TeamWorld;
  let conn: GandiConnection;
  let workspaceId = '';
  let principals: Record<Role, TeamPrincipal>;
  const ctx = (principal?: TeamPrincipal): VerifiedSession => ({
    conn,
    handle: 'H',
    endpoint: { id: 'simulator', label: 'Simulator' },
    ...(principal ? { principal } : {}),
  });

  beforeAll(async () => {
    world = await openTeamWorld(backend);
    ({ conn, workspaceId, members: principals } = await world.workspace());
  });
  afterAll(() => world.close());

  it.each(['viewer', 'operator'] as const)(
    'a %s cannot create, change or delete one',
    async (role) => {
      for (const permission of ['rproxy.create', 'rproxy.update', 'rproxy.delete'] as const) {
        const verdict = await authorizeTeamAction(
          ctx(),
          principals[role],
          { permission },
          { rproxy_id: 1 },
          {},
        );
        expect(verdict.allowed).toBe(false);
      }
      const entries = await listAudit(world.db.db, workspaceId);
      expect(entries.some((e) => e.action === 'rproxy.update' && e.result === 'refused')).toBe(
        true,
      );
    },
  );

  it('an admin’s creation is audited and recorded as theirs; the workspace quota counts it', async () => {
    const admin = principals.admin;
    const options = { permission: 'rproxy.create' as const };
    expect((await authorizeTeamAction(ctx(), admin, options, SPEC, SPEC)).allowed).toBe(true);
    await checkRproxyQuota(ctx(admin)); // no limit yet
    const ops = await rproxyCreate(conn, SPEC);
    await versionInfo(conn);
    await recordTeamOutcome(ctx(), admin, options, SPEC, [], {
      ok: true,
      data: { kind: 'started', operations: ops.map((o) => ({ id: o.id, type: o.type })) },
    });
    const owners = await world.store.ownersOf(workspaceId, 'rproxy');
    const id = Number(ops[0]!.params.rproxy_id);
    expect(owners.get(id)).toBe(admin.memberId);
    const entries = await listAudit(world.db.db, workspaceId);
    expect(entries.find((e) => e.action === 'rproxy.create')).toMatchObject({
      result: 'ok',
      resource: `rproxy:${id}`,
    });

    await (
      await getQuotaStore()
    ).setLimits(workspaceId, null, { rproxies: 1 }, principals.owner.memberId);
    await expect(checkRproxyQuota(ctx(admin))).rejects.toMatchObject({
      name: 'QuotaExceededError',
      fieldErrors: {
        name: [expect.stringMatching(/Load balancers: the workspace quota is 1, 1 used/)],
      },
    });
    // Personal sessions have no quotas.
    await expect(checkRproxyQuota(ctx())).resolves.toBeUndefined();
  });
});
