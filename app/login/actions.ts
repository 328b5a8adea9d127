'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { accountInfo } from '@/lib/gandi';
import type { ActionState } from '@/lib/action-state';
import { findEndpoint } from '@/lib/endpoints';
import { checkSignIn } from '@/lib/dal/sign-in';
import { clientAddress, signInThrottle } from '@/lib/dal/sign-in-throttle';
import { formDataToObject } from '@/lib/validation/form';
import { getSession } from '@/lib/session';

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const headerList = await headers();
  const result = await checkSignIn(formDataToObject(formData), {
    client: clientAddress(headerList.get('x-forwarded-for'), headerList.get('x-real-ip')),
    throttle: signInThrottle,
    findEndpoint,
    accountInfo,
  });
  if (!result.ok) return result.state;
  const session = await getSession();
  session.apiKey = result.session.apiKey;
  session.endpointId = result.session.endpointId;
  session.handle = result.session.handle;
  session.signedInAt = Date.now();
  await session.save();
  redirect('/');
}

export async function signOutAction(): Promise<void> {
  const session = await getSession();
  if (session.mode === 'team' && session.memberSessionId) {
    // A team session also lives server-side: end it there, not only in this browser.
    const { endTeamSession } = await import('@/lib/team/session-end');
    await endTeamSession(session.memberSessionId).catch(() => undefined);
  }
  session.destroy();
  redirect('/login');
}
