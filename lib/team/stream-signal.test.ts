import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VerifiedSession } from '@/lib/dal/auth';
import { TeamStore } from './store/team-store';
import { openTestDb, type TestDb } from './testing/test-db';

const holder: { store?: TeamStore } = {};
vi.mock('./lazy-store', () => ({
  teamStore: async () => {
    if (!holder.store) throw new Error('no store');
    return holder.store;
  },
}));

const { memberBoundSignal } = await import('./stream-signal');

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb('sqlite');
  holder.store = new TeamStore(db.db, db.dialect, Buffer.alloc(32, 2));
});
afterAll(() => db.dispose());

const base = {
  conn: { endpoint: 'http://127.0.0.1:1/xmlrpc/', apiKey: 'k' },
  handle: 'H',
  endpoint: { id: 'simulator' as const, label: 'Simulator' },
};

describe('streams bound to a member session', () => {
  it('returns a personal session’s signal unchanged', () => {
    const controller = new AbortController();
    const session: VerifiedSession = { ...base, principal: { kind: 'personal' } };
    expect(memberBoundSignal(session, controller.signal)).toBe(controller.signal);
  });

  it('aborts when the member is removed, and when the request ends', async () => {
    const store = holder.store!;
    const { workspace, owner } = await store.createWorkspace({
      name: 'W',
      endpointId: 'simulator',
      handle: 'H',
      apiKey: 'k'.repeat(24),
      ownerEmail: 'o@example.test',
      ownerPasswordHash: 'x',
    });
    const { token } = await store.createInvite({
      workspaceId: workspace.id,
      email: 'v@example.test',
      role: 'viewer',
      createdBy: owner.id,
    });
    const viewer = (await store.acceptInvite(token, 'x'))!;
    const sessionOf = (memberSessionId: string): VerifiedSession => ({
      ...base,
      principal: {
        kind: 'team',
        memberId: viewer.id,
        memberEmail: viewer.email,
        role: 'viewer',
        workspaceId: workspace.id,
        workspaceName: 'W',
        memberSessionId,
      },
    });
    const request = new AbortController();
    const bound = memberBoundSignal(
      sessionOf(await store.createSession(viewer)),
      request.signal,
      10,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bound.aborted).toBe(false);
    await store.removeMember(workspace.id, viewer.id);
    await vi.waitFor(() => expect(bound.aborted).toBe(true), { timeout: 2_000, interval: 10 });

    const ownerRequest = new AbortController();
    const ownerSession: VerifiedSession = {
      ...base,
      principal: {
        kind: 'team',
        memberId: owner.id,
        memberEmail: owner.email,
        role: 'owner',
        workspaceId: workspace.id,
        workspaceName: 'W',
        memberSessionId: await store.createSession(owner),
      },
    };
    const ownerBound = memberBoundSignal(ownerSession, ownerRequest.signal, 10);
    ownerRequest.abort();
    expect(ownerBound.aborted).toBe(true);
  });
});
