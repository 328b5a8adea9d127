import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DecryptionRefusedError } from '../crypto';
import { freshTestDb } from '../testing/fresh-db';
import { steppingClock, TEST_BACKENDS } from '../testing/test-db';
import { listAudit, unsettledOperations, verifyWorkspaceAudit } from './audit-store';
import { INVITE_TTL_MS, TeamStore } from './team-store';

const ENCRYPTION_KEY = Buffer.alloc(32, 3);
const API_KEY = 'demoaccount0000000000001';

describe.each(TEST_BACKENDS)('team storage on %s', (backend) => {
  const openDb = freshTestDb(backend);

  async function setup(clock = steppingClock()) {
    const opened = await openDb();
    const store = new TeamStore(opened.db, opened.dialect, ENCRYPTION_KEY, clock);
    const { workspace, owner } = await store.createWorkspace({
      name: 'Ops',
      endpointId: 'simulator',
      handle: 'AB1234-GANDI',
      apiKey: API_KEY,
      ownerEmail: 'Owner@Example.test ',
      ownerPasswordHash: 'scrypt$x',
    });
    return { store, workspace, owner, db: opened };
  }

  it('stores the key encrypted, decrypts it, replaces it, and refuses another encryption key', async () => {
    const { store, workspace, db } = await setup();
    const row = await db.db
      .selectFrom('workspaces')
      .select('key_blob')
      .where('id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(row.key_blob).not.toContain(API_KEY);
    expect(await store.workspaceApiKey(workspace.id)).toBe(API_KEY);
    await store.replaceApiKey(workspace.id, 'replacement0000000000009');
    expect(await store.workspaceApiKey(workspace.id)).toBe('replacement0000000000009');
    const wrong = new TeamStore(db.db, db.dialect, Buffer.alloc(32, 4));
    await expect(wrong.workspaceApiKey(workspace.id)).rejects.toBeInstanceOf(
      DecryptionRefusedError,
    );
  });

  it('invites once, expires invites, and ends a removed member’s sessions', async () => {
    const clock = steppingClock();
    const { store, workspace, owner, db } = await setup(clock);
    expect(owner.email).toBe('owner@example.test');
    const { token } = await store.createInvite({
      workspaceId: workspace.id,
      email: 'op@example.test',
      role: 'operator',
      createdBy: owner.id,
    });
    expect(await store.findOpenInvite(token)).toMatchObject({ role: 'operator' });
    expect((await store.listOpenInvites(workspace.id)).map((invite) => invite.email)).toEqual([
      'op@example.test',
    ]);
    const { token: withdrawn } = await store.createInvite({
      workspaceId: workspace.id,
      email: 'gone@example.test',
      role: 'viewer',
      createdBy: owner.id,
    });
    const gone = (await store.listOpenInvites(workspace.id)).find(
      (invite) => invite.email === 'gone@example.test',
    );
    expect(await store.revokeInvite(workspace.id, gone!.id)).toBe(true);
    expect(await store.acceptInvite(withdrawn, 'scrypt$v')).toBeUndefined();
    const member = await store.acceptInvite(token, 'scrypt$y');
    expect(member).toMatchObject({ role: 'operator', email: 'op@example.test' });
    expect(await store.acceptInvite(token, 'scrypt$z')).toBeUndefined();

    expect(await store.setRole(workspace.id, member!.id, 'viewer')).toBe(true);
    expect(await store.setRole(workspace.id, owner.id, 'viewer')).toBe(false);
    expect((await store.getMember(member!.id))?.role).toBe('viewer');
    const sessionId = await store.createSession(member!);
    expect(await store.activeSessionMember(sessionId)).toMatchObject({ id: member!.id });
    expect(await store.removeMember(workspace.id, member!.id)).toBe(true);
    expect(await store.activeSessionMember(sessionId)).toBeUndefined();
    expect(await store.findMemberForSignIn(workspace.id, 'op@example.test')).toBeUndefined();
    expect(await store.removeMember(workspace.id, owner.id)).toBe(false);

    const late = new TeamStore(db.db, db.dialect, ENCRYPTION_KEY, {
      now: () => new Date(Date.UTC(2026, 10, 27, 12) + INVITE_TTL_MS + 60_000),
      id: clock.id,
    });
    const { token: stale } = await store.createInvite({
      workspaceId: workspace.id,
      email: 'late@example.test',
      role: 'viewer',
      createdBy: owner.id,
    });
    expect(await late.acceptInvite(stale, 'scrypt$w')).toBeUndefined();
  });

  it("keeps workspaces apart: another workspace's owner cannot sign a member out", async () => {
    const { store, workspace } = await setup();
    // A second workspace (a squatter's) on another account, with the same owner email.
    const other = await store.createWorkspace({
      name: 'Squat',
      endpointId: 'simulator',
      handle: 'ZZ9999-GANDI',
      apiKey: 'b'.repeat(24),
      ownerEmail: 'owner@example.test',
      ownerPasswordHash: 'scrypt$other',
    });
    const victim = (await store.listMembers(workspace.id))[0]!;
    const session = await store.createSession(victim);
    // Before: the member's sessions were revoked by id alone, even though no row changed.
    expect(await store.removeMember(other.workspace.id, victim.id)).toBe(false);
    expect(await store.activeSessionMember(session)).toMatchObject({ id: victim.id });
    // Sign-in names the workspace: one row at most, the other workspace's never.
    const found = await store.findMemberForSignIn(workspace.id, 'OWNER@example.test');
    expect(found).toMatchObject({ id: victim.id, password_hash: 'scrypt$x' });
    expect((await store.findMemberForSignIn(other.workspace.id, 'owner@example.test'))?.id).toBe(
      other.owner.id,
    );
    expect(await store.countWorkspacesOfAccount('simulator', 'AB1234-GANDI')).toBe(1);
    expect(await store.countWorkspacesOfAccount('simulator', 'ZZ9999-GANDI')).toBe(1);
  });

  it('records who created what', async () => {
    const { store, workspace, owner } = await setup();
    await store.recordOwner(workspace.id, { kind: 'vm', id: 42 }, owner.id);
    await store.recordOwner(workspace.id, { kind: 'vm', id: 42 }, 'someone-else');
    expect(await store.ownsAll(workspace.id, owner.id, [{ kind: 'vm', id: 42 }])).toBe(true);
    expect(
      await store.ownsAll(workspace.id, owner.id, [
        { kind: 'vm', id: 42 },
        { kind: 'disk', id: 42 },
      ]),
    ).toBe(false);
    expect(await store.ownsAll(workspace.id, 'someone-else', [{ kind: 'vm', id: 42 }])).toBe(false);
  });

  it('appends a verifiable chain, also under concurrent appends, and filters it', async () => {
    const { store, workspace, owner, db } = await setup();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.appendAudit(workspace.id, {
          memberId: owner.id,
          memberEmail: owner.email,
          ip: '127.0.0.1',
          action: i % 2 ? 'vm.start' : 'vm.stop',
          resource: `vm:${i}`,
          params: { vm_id: i },
          result: 'ok',
          operations: [{ id: 1000 + i, type: 'vm_start' }],
        }),
      ),
    );
    const verdict = await verifyWorkspaceAudit(db.db, workspace.id, store.auditMacKey);
    expect(verdict).toMatchObject({ ok: true, count: 12 });
    expect(await listAudit(db.db, workspace.id, { action: 'vm.start' })).toHaveLength(6);
    expect(await listAudit(db.db, workspace.id, { resource: 'vm:3' })).toHaveLength(1);
    expect(await unsettledOperations(db.db, workspace.id)).toHaveLength(12);
    await store.appendAudit(workspace.id, {
      memberId: null,
      memberEmail: null,
      ip: null,
      action: 'operation.final',
      resource: null,
      params: {},
      result: 'ok',
      operations: [{ id: 1003, step: 'DONE' }],
    });
    expect(await unsettledOperations(db.db, workspace.id)).not.toContain(1003);
  });

  it('detects an edit made directly in the database', async () => {
    const { store, workspace, owner, db } = await setup();
    for (let i = 0; i < 3; i++) {
      await store.appendAudit(workspace.id, {
        memberId: owner.id,
        memberEmail: owner.email,
        ip: null,
        action: 'vm.delete',
        resource: `vm:${i}`,
        params: {},
        result: 'refused',
      });
    }
    if (db.file) {
      const raw = new Database(db.file);
      raw.prepare(`update audit set result = 'ok' where seq = 2`).run();
      raw.close();
    } else {
      await db.db.updateTable('audit').set({ result: 'ok' }).where('seq', '=', 2).execute();
    }
    expect(await verifyWorkspaceAudit(db.db, workspace.id, store.auditMacKey)).toMatchObject({
      ok: false,
      seq: 2,
      problem: 'edited',
    });
  });
});
