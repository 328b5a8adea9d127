'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { startTeamSession } from '@/lib/session';
import { formDataToObject } from '@/lib/validation/form';
import { requestAddress } from '../client-address';
import { hashPassword } from '../password';
import { acceptInviteSchema } from '../validation';
import { teamStore } from '../lazy-store';

/** A new member sets a password through the one-time link, and is signed in. */
export async function acceptInviteAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = acceptInviteSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    };
  }
  let sessionId: string;
  let workspaceId: string;
  try {
    const store = await teamStore();
    const member = await store.acceptInvite(
      parsed.data.token,
      await hashPassword(parsed.data.password),
    );
    if (!member) {
      return { status: 'error', message: 'This invitation link was already used or has expired.' };
    }
    await store.appendAudit(member.workspace_id, {
      memberId: member.id,
      memberEmail: member.email,
      ip: await requestAddress(),
      action: 'members.join',
      resource: null,
      params: { role: member.role },
      result: 'ok',
    });
    sessionId = await store.createSession(member);
    workspaceId = member.workspace_id;
  } catch (err) {
    console.error(`[team invite] ${err instanceof Error ? err.name : 'unexpected error'}`);
    return { status: 'error', message: 'The invitation cannot be used right now.' };
  }
  await startTeamSession(sessionId, workspaceId);
  redirect('/');
}
