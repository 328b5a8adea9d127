import 'server-only';
import { requestAddress } from './client-address';
import { getTeamStore } from './runtime';

/** Ends a member session server-side too (the cookie alone is not the session). */
export async function endTeamSession(memberSessionId: string): Promise<void> {
  const store = await getTeamStore();
  const member = await store.activeSessionMember(memberSessionId);
  await store.revokeSession(memberSessionId);
  if (!member) return;
  await store.appendAudit(member.workspace_id, {
    memberId: member.id,
    memberEmail: member.email,
    ip: await requestAddress(),
    action: 'session.sign_out',
    resource: null,
    params: {},
    result: 'ok',
  });
}
