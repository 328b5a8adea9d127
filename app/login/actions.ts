'use server';

import { redirect } from 'next/navigation';
import { accountInfo } from '@/lib/gandi';
import type { ActionState } from '@/lib/action-state';
import { findEndpoint } from '@/lib/endpoints';
import { checkSignIn } from '@/lib/dal/sign-in';
import { requestClientAddress } from '@/lib/request-address';
import { personalSessions, signInThrottle } from '@/lib/shared-state/runtime';
import { formDataToObject } from '@/lib/validation/form';
import { getSession } from '@/lib/session';

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let result: Awaited<ReturnType<typeof checkSignIn>>;
  let sessionId: string;
  try {
    result = await checkSignIn(formDataToObject(formData), {
      client: await requestClientAddress(),
      throttle: await signInThrottle(),
      findEndpoint,
      accountInfo,
    });
    if (!result.ok) return result.state;
    // The cookie names a server-side record: sign-out ends it on every replica at once.
    sessionId = await (await personalSessions()).create(result.session);
  } catch (err) {
    console.error(`[sign-in] ${err instanceof Error ? err.name : 'unexpected error'}`);
    return { status: 'error', message: 'Sign-in is not available right now. Please try again.' };
  }
  const session = await getSession();
  session.apiKey = result.session.apiKey;
  session.endpointId = result.session.endpointId;
  session.handle = result.session.handle;
  session.personalSessionId = sessionId;
  session.signedInAt = Date.now();
  await session.save();
  redirect('/');
}

export async function signOutAction(): Promise<void> {
  await endSessions('this-browser');
  redirect('/login');
}

/** Ends every session of this account (personal) or of this member (team), on every replica. */
export async function signOutEverywhereAction(): Promise<void> {
  await endSessions('everywhere');
  redirect('/login');
}

async function endSessions(scope: 'this-browser' | 'everywhere'): Promise<void> {
  const session = await getSession();
  if (session.mode === 'team' && session.memberSessionId) {
    // A team session also lives server-side: end it there, not only in this browser.
    const { endTeamSession } = await import('@/lib/team/session-end');
    await endTeamSession(session.memberSessionId, scope).catch(() => undefined);
  } else if (session.personalSessionId) {
    const sessions = await personalSessions().catch(() => null);
    if (scope === 'everywhere' && session.endpointId && session.handle) {
      await sessions
        ?.endEverywhere({ endpointId: session.endpointId, handle: session.handle })
        .catch(() => undefined);
    } else await sessions?.end(session.personalSessionId).catch(() => undefined);
  }
  session.destroy();
}
