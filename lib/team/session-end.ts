import 'server-only';
import { requestAddress } from './client-address';
import { getTeamDb } from './db';
import { getTeamStore } from './runtime';

/**
 * Ends a member session server-side too (the cookie alone is not the session); `everywhere` ends
 * every session of that member, on every replica.
 */
export async function endTeamSession(
  memberSessionId: string,
  scope: 'this-browser' | 'everywhere' = 'this-browser',
): Promise<void> {
  const store = await getTeamStore();
  const member = await store.activeSessionMember(memberSessionId);
  await store.revokeSession(memberSessionId);
  if (!member) return;
  if (scope === 'everywhere') {
    const { db } = await getTeamDb();
    await db
      .updateTable('member_sessions')
      .set({ revoked_at: new Date().toISOString() })
      .where('member_id', '=', member.id)
      .where('revoked_at', 'is', null)
      .execute();
  }
  await store.appendAudit(member.workspace_id, {
    memberId: member.id,
    memberEmail: member.email,
    ip: await requestAddress(),
    action: scope === 'everywhere' ? 'session.sign_out_everywhere' : 'session.sign_out',
    resource: null,
    params: {},
    result: 'ok',
  });
}
