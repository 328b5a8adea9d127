import { startSimulator, type Simulator } from '@/simulator';
import type { GandiConnection } from '@/lib/gandi';
import type { OpenedTeamDb } from '../db/connect';
import type { Role } from '../db/schema';
import type { TeamPrincipal } from '../principal';
import { TeamStore } from '../store/team-store';
import { openTestDb, type TestDb } from './test-db';

/**
 * Real parts for tests of the team portal's paths: the in-process simulator over HTTP and a team
 * store (SQLite or PostgreSQL) installed as the process-wide storage, so that the code under test
 * finds it as it would in the server (`getTeamDb`, `getTeamStore`). Nothing else is replaced.
 */
export interface TeamWorld {
  sim: Simulator;
  db: TestDb;
  store: TeamStore;
  close(): Promise<void>;
  /** A fresh Gandi account and a workspace on it with one member of each role. */
  workspace(): Promise<{
    workspaceId: string;
    conn: GandiConnection;
    members: Record<Role, TeamPrincipal>;
  }>;
}

const globals = globalThis as typeof globalThis & {
  __teamDb?: Promise<OpenedTeamDb>;
  __teamStore?: Promise<TeamStore>;
};

export async function openTeamWorld(kind: 'sqlite' | 'postgres' = 'sqlite'): Promise<TeamWorld> {
  const sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  const db = await openTestDb(kind);
  const store = new TeamStore(db.db, db.dialect, Buffer.alloc(32, 7));
  globals.__teamDb = Promise.resolve(db);
  globals.__teamStore = Promise.resolve(store);
  let counter = 0;
  return {
    sim,
    db,
    store,
    close: async () => {
      globals.__teamDb = undefined;
      globals.__teamStore = undefined;
      await sim.close();
      await db.dispose();
    },
    workspace: async () => {
      counter += 1;
      const apiKey = sim.control.createAccount().apiKey;
      const { workspace, owner } = await store.createWorkspace({
        name: `W${counter}`,
        endpointId: 'simulator',
        handle: 'AB1234-GANDI',
        apiKey,
        ownerEmail: `owner${counter}@example.test`,
        ownerPasswordHash: 'x',
      });
      const principal = (memberId: string, email: string, role: Role): TeamPrincipal => ({
        kind: 'team',
        memberId,
        memberEmail: email,
        role,
        workspaceId: workspace.id,
        workspaceName: workspace.name,
        memberSessionId: `s-${memberId}`,
      });
      const members = { owner: principal(owner.id, owner.email, 'owner') } as Record<
        Role,
        TeamPrincipal
      >;
      for (const role of ['admin', 'operator', 'viewer'] as const) {
        const email = `${role}${counter}@example.test`;
        const { token } = await store.createInvite({
          workspaceId: workspace.id,
          email,
          role,
          createdBy: owner.id,
        });
        const member = await store.acceptInvite(token, 'x');
        if (!member) throw new Error('invite not accepted');
        members[role] = principal(member.id, member.email, role);
      }
      return {
        workspaceId: workspace.id,
        conn: { endpoint: sim.url, apiKey, timeoutMs: 10_000 },
        members,
      };
    },
  };
}
