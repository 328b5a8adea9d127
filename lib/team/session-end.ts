import 'server-only';
import { getTeamStore } from './runtime';

/** Ends a member session server-side too (the cookie alone is not the session). */
export async function endTeamSession(memberSessionId: string): Promise<void> {
  const store = await getTeamStore();
  await store.revokeSession(memberSessionId);
}
