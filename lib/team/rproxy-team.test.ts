/**
 * Load balancers in a team workspace, against a SQLite team store and the in-process simulator:
 * the roles matrix (a viewer or an operator cannot change one), the audit entry and ownership of a
 * creation, and the workspace quota on their count.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rproxyCreate, versionInfo, type GandiConnection } from '@/lib/gandi';
import type { VerifiedSession } from '@/lib/dal/auth';
import { startSimulator, type Simulator } from '@/simulator';
import { QuotaStore } from './quotas/quota-store';
import { listAudit } from './store/audit-store';
import { TeamStore } from './store/team-store';
import { openTestDb, type TestDb } from './testing/test-db';
import type { TeamPrincipal } from './principal';
import type { Role } from './roles';

const holder: { store?: TeamStore; quotas?: QuotaStore } = {};
vi.mock('./runtime', () => ({
  getTeamStore: async () => holder.store!,
}));
vi.mock('./quotas/quota-store', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./quotas/quota-store')>()),
  getQuotaStore: async () => holder.quotas!,
}));
vi.mock('./client-address', () => ({ requestAddress: async () => '203.0.113.7' }));

const { authorizeTeamAction, recordTeamOutcome } = await import('./guard');
const { preflight } = await import('./gate/preflight');
/** The quota is the gate's: a creation's call decided as it would be sent. */
const checkRproxyQuota = (session: VerifiedSession) =>
  preflight(session, { method: 'hosting.rproxy.create', args: [SPEC] });

let sim: Simulator;
let db: TestDb;
let conn: GandiConnection;
let workspaceId = '';
const principals = {} as Record<Role, TeamPrincipal>;
const ctx = (principal?: TeamPrincipal): VerifiedSession => ({
  conn,
  handle: 'H',
  endpoint: { id: 'simulator', label: 'Simulator' },
  ...(principal ? { principal } : {}),
});

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  conn = { endpoint: sim.url, apiKey: sim.control.createAccount().apiKey, timeoutMs: 10_000 };
  db = await openTestDb('sqlite');
  holder.store = new TeamStore(db.db, db.dialect, Buffer.alloc(32, 1));
  holder.quotas = new QuotaStore(db.db);
  // The gate's other storage (policy, reservations) finds this database as the server would.
  (globalThis as { __teamDb?: Promise<unknown> }).__teamDb = Promise.resolve(db);
  const { workspace, owner } = await holder.store.createWorkspace({
    name: 'W',
    endpointId: 'simulator',
    handle: 'H',
    apiKey: conn.apiKey,
    ownerEmail: 'owner@example.test',
    ownerPasswordHash: 'x',
  });
  workspaceId = workspace.id;
  const principal = (memberId: string, email: string, role: Role): TeamPrincipal => ({
    kind: 'team',
    memberId,
    memberEmail: email,
    role,
    workspaceId,
    workspaceName: 'W',
    memberSessionId: 's',
  });
  principals.owner = principal(owner.id, owner.email, 'owner');
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    const { token } = await holder.store.createInvite({
      workspaceId,
      email: `${role}@example.test`,
      role,
      createdBy: owner.id,
    });
    const member = await holder.store.acceptInvite(token, 'x');
    principals[role] = principal(member!.id, member!.email, role);
  }
});

afterAll(async () => {
  (globalThis as { __teamDb?: Promise<unknown> }).__teamDb = undefined;
  await sim.close();
  await db.dispose();
});

const SPEC = {
  datacenter_id: 4,
  name: 'team-lb',
  lb: { algorithm: 'round-robin' as const },
  ssl_enable: false,
  servers: [{ ip: '192.0.2.1', port: 80 }],
};

describe('load balancers in a team', () => {
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
      const entries = await listAudit(db.db, workspaceId);
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
    const owners = await holder.store!.ownersOf(workspaceId, 'rproxy');
    const id = Number(ops[0]!.params.rproxy_id);
    expect(owners.get(id)).toBe(admin.memberId);
    const entries = await listAudit(db.db, workspaceId);
    expect(entries.find((e) => e.action === 'rproxy.create')).toMatchObject({
      result: 'ok',
      resource: `rproxy:${id}`,
    });

    await holder.quotas!.setLimits(workspaceId, null, { rproxies: 1 }, principals.owner.memberId);
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
