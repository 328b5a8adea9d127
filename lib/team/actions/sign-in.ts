'use server';

import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { lockedOutMessage, lockoutSuffix } from '@/lib/dal/sign-in';
import { requestClientAddress } from '@/lib/request-address';
import { addressKey, targetKey } from '@/lib/shared-state/sign-in-throttle';
import { signInThrottle } from '@/lib/shared-state/runtime';
import { startTeamSession } from '@/lib/session';
import { formDataToObject } from '@/lib/validation/form';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../password';
import { teamSignInSchema } from '../validation';
import { teamStore } from '../lazy-store';

const FAILED = 'Sign-in failed: unknown email or wrong password.';

/**
 * Team sign-in: workspace (named by its sign-in link), email and password of a member of it. The
 * cookie then carries only a member session id; the workspace's key stays in the database,
 * encrypted. One row is read and one password hash checked whether or not the member exists, and
 * the audit entries are written after the response: the answer time tells nothing.
 */
export async function teamSignInAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const client = await requestClientAddress();
  const parsed = teamSignInSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    };
  }
  // The same rules as the personal sign-in: per address AND per target (the email).
  const target = targetKey('team-email', parsed.data.email);
  const keys = [addressKey(client), target];
  let session: { id: string; workspaceId: string };
  try {
    const throttle = await signInThrottle();
    const verdict = await throttle.check(keys);
    if (!verdict.allowed)
      return { status: 'error', message: lockedOutMessage(verdict.retryAfterMs) };
    const store = await teamStore();
    const { workspace, email, password } = parsed.data;
    const member = await store.findMemberForSignIn(workspace, email);
    const passwordOk = await verifyPassword(password, member?.password_hash ?? DUMMY_PASSWORD_HASH);
    const ip = client === 'unknown' ? null : client;
    const audit = (result: 'ok' | 'refused', id: string, memberEmail: string) =>
      after(() =>
        store
          .appendAudit(workspace, {
            memberId: id,
            memberEmail,
            ip,
            action: 'session.sign_in',
            resource: null,
            params: {},
            result,
            ...(result === 'refused' ? { message: 'Wrong password' } : {}),
          })
          .catch(() => undefined),
      );
    if (!member || !passwordOk) {
      // A wrong password for a real member is worth knowing in that workspace's log.
      if (member) audit('refused', member.id, member.email);
      const lockout = await throttle.recordFailure(keys);
      return { status: 'error', message: `${FAILED}${lockoutSuffix(lockout)}` };
    }
    await throttle.recordSuccess(target);
    session = { id: await store.createSession(member), workspaceId: member.workspace_id };
    audit('ok', member.id, member.email);
  } catch (err) {
    console.error(`[team sign-in] ${err instanceof Error ? err.name : 'unexpected error'}`);
    return { status: 'error', message: 'Team sign-in is not available right now.' };
  }
  await startTeamSession(session.id, session.workspaceId);
  redirect('/');
}
