import { describe, expect, it } from 'vitest';
import { freshTestDb } from '../testing/fresh-db';
import { steppingClock, TEST_BACKENDS } from '../testing/test-db';
import { TeamStore } from '../store/team-store';
import { generateToken, TokenNameTakenError, TokenStore } from './token-store';

const ENCRYPTION_KEY = Buffer.alloc(32, 3);

describe('generateToken', () => {
  it('has the shape of a Gandi key and does not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const token = generateToken();
      expect(token).toMatch(/^[a-z0-9]{24}$/);
      seen.add(token);
    }
    expect(seen.size).toBe(200);
  });
});

describe.each(TEST_BACKENDS)('access tokens on %s', (backend) => {
  const openDb = freshTestDb(backend);

  async function setup() {
    const clock = steppingClock();
    const opened = await openDb();
    const team = new TeamStore(opened.db, opened.dialect, ENCRYPTION_KEY, clock);
    const { workspace, owner } = await team.createWorkspace({
      name: 'Ops',
      endpointId: 'simulator',
      handle: 'AB1234-GANDI',
      apiKey: 'demoaccount0000000000001',
      ownerEmail: 'owner@example.test',
      ownerPasswordHash: 'scrypt$x',
    });
    const { token: invite } = await team.createInvite({
      workspaceId: workspace.id,
      email: 'op@example.test',
      role: 'operator',
      createdBy: owner.id,
    });
    const operator = (await team.acceptInvite(invite, 'scrypt$y'))!;
    return {
      team,
      tokens: new TokenStore(opened.db, clock),
      workspace,
      owner,
      operator,
      clock,
      db: opened,
    };
  }

  it('stores only a hash, resolves to the member with the current role, records last use', async () => {
    const { team, tokens, workspace, operator, db } = await setup();
    const { token, id } = await tokens.create({
      workspaceId: workspace.id,
      memberId: operator.id,
      name: 'laptop',
    });
    const rows = await db.db.selectFrom('access_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const holder = await tokens.resolve(token);
    expect(holder).toMatchObject({ tokenId: id, tokenName: 'laptop', role: 'operator' });
    expect((await tokens.list(workspace.id, operator.id))[0]?.lastUsedAt).not.toBeNull();
    // Lowering the role applies to the token at once.
    await team.setRole(workspace.id, operator.id, 'viewer');
    expect((await tokens.resolve(token))?.role).toBe('viewer');
    // Removing the member kills the token.
    await team.removeMember(workspace.id, operator.id);
    expect(await tokens.resolve(token)).toBeUndefined();
    expect(await tokens.list(workspace.id)).toEqual([]);
  });

  it('refuses unknown, malformed, revoked and expired tokens', async () => {
    const { tokens, workspace, owner, db } = await setup();
    expect(await tokens.resolve(generateToken())).toBeUndefined();
    expect(await tokens.resolve("' or 1=1 --")).toBeUndefined();
    const shortLived = await tokens.create({
      workspaceId: workspace.id,
      memberId: owner.id,
      name: 'ci',
      expiresInDays: 1,
    });
    expect(await tokens.resolve(shortLived.token)).toBeDefined();
    // The stepping clock moves one second per call: jump past the expiry.
    await db.db
      .updateTable('access_tokens')
      .set({ expires_at: '2026-11-27T12:00:05.000Z' })
      .where('id', '=', shortLived.id)
      .execute();
    expect(await tokens.resolve(shortLived.token)).toBeUndefined();
    const kept = await tokens.create({ workspaceId: workspace.id, memberId: owner.id, name: 'x' });
    expect(await tokens.revokeByName(workspace.id, 'x')).toBe(1);
    expect(await tokens.resolve(kept.token)).toBeUndefined();
  });

  it('keeps names unique per member among live tokens, and scopes revocation', async () => {
    const { tokens, workspace, owner, operator } = await setup();
    const mine = await tokens.create({ workspaceId: workspace.id, memberId: owner.id, name: 'a' });
    await expect(
      tokens.create({ workspaceId: workspace.id, memberId: owner.id, name: ' a ' }),
    ).rejects.toBeInstanceOf(TokenNameTakenError);
    const theirs = await tokens.create({
      workspaceId: workspace.id,
      memberId: operator.id,
      name: 'a',
    });
    // A member cannot revoke someone else's token by id; the workspace (admin) can.
    expect(await tokens.revoke(workspace.id, mine.id, operator.id)).toBe(false);
    expect(await tokens.revoke('another-workspace', theirs.id)).toBe(false);
    expect(await tokens.revoke(workspace.id, theirs.id)).toBe(true);
    expect((await tokens.list(workspace.id)).map((t) => t.memberEmail)).toEqual([
      'owner@example.test',
    ]);
  });
});
