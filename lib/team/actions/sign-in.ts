'use server';

import { redirect } from 'next/navigation';
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
 * Team sign-in: email + password of a workspace member. The cookie then carries only a member
 * session id; the workspace's key stays in the database, encrypted.
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
  let sessionId: string | undefined;
  try {
    const throttle = await signInThrottle();
    const verdict = await throttle.check(keys);
    if (!verdict.allowed)
      return { status: 'error', message: lockedOutMessage(verdict.retryAfterMs) };
    const store = await teamStore();
    const candidates = await store.findMembersForSignIn(parsed.data.email);
    let matched: (typeof candidates)[number] | undefined;
    for (const member of candidates) {
      if (await verifyPassword(parsed.data.password, member.password_hash)) {
        matched = member;
        break;
      }
    }
    // Same work for an unknown email, so the answer time does not reveal who is a member.
    if (candidates.length === 0) await verifyPassword(parsed.data.password, DUMMY_PASSWORD_HASH);
    if (!matched) {
      // A wrong password for a real member is worth knowing in that workspace's log.
      for (const member of candidates) {
        await store.appendAudit(member.workspace_id, {
          memberId: member.id,
          memberEmail: member.email,
          ip: client === 'unknown' ? null : client,
          action: 'session.sign_in',
          resource: null,
          params: {},
          result: 'refused',
          message: 'Wrong password',
        });
      }
      const lockout = await throttle.recordFailure(keys);
      return { status: 'error', message: `${FAILED}${lockoutSuffix(lockout)}` };
    }
    await throttle.recordSuccess(target);
    sessionId = await store.createSession(matched);
    await store.appendAudit(matched.workspace_id, {
      memberId: matched.id,
      memberEmail: matched.email,
      ip: client === 'unknown' ? null : client,
      action: 'session.sign_in',
      resource: null,
      params: {},
      result: 'ok',
    });
  } catch (err) {
    console.error(`[team sign-in] ${err instanceof Error ? err.name : 'unexpected error'}`);
    return { status: 'error', message: 'Team sign-in is not available right now.' };
  }
  await startTeamSession(sessionId);
  redirect('/');
}
