'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, defineAction } from '@/lib/action';
import type { VerifiedSession } from '@/lib/dal/auth';
import type { TeamPrincipal } from '../principal';
import { changeRoleSchema, inviteIdSchema, inviteSchema, memberIdSchema } from '../validation';
import { teamStore } from '../lazy-store';

function teamOf(ctx: VerifiedSession): TeamPrincipal {
  if (ctx.principal?.kind !== 'team') throw new ActionError('Sign in to a team workspace first.');
  return ctx.principal;
}

/** Returns the one-time link path: shown to the inviter once, stored only as a hash. */
export const inviteMemberAction = defineAction(
  inviteSchema,
  async ({ email, role }, ctx) => {
    const principal = teamOf(ctx);
    const store = await teamStore();
    const { token, expiresAt } = await store.createInvite({
      workspaceId: principal.workspaceId,
      email,
      role,
      createdBy: principal.memberId,
    });
    revalidatePath('/team/members');
    return { email, role, path: `/invite/${token}`, expiresAt };
  },
  { permission: 'members.invite' },
);

/** Removal ends every session of that member at once (checked on each request). */
export const removeMemberAction = defineAction(
  memberIdSchema,
  async ({ member_id }, ctx) => {
    const principal = teamOf(ctx);
    if (member_id === principal.memberId) throw new ActionError('You cannot remove yourself.');
    const store = await teamStore();
    const removed = await store.removeMember(principal.workspaceId, member_id);
    if (!removed) throw new ActionError('No such member (or the owner, who cannot be removed).');
    revalidatePath('/team/members');
    return { removed: member_id };
  },
  { permission: 'members.remove' },
);

export const changeRoleAction = defineAction(
  changeRoleSchema,
  async ({ member_id, role }, ctx) => {
    const principal = teamOf(ctx);
    const store = await teamStore();
    if (!(await store.setRole(principal.workspaceId, member_id, role))) {
      throw new ActionError('No such member (the owner’s role cannot change).');
    }
    revalidatePath('/team/members');
    return { member_id, role };
  },
  { permission: 'members.update' },
);

/** Withdraws an invitation that was not used yet. */
export const revokeInviteAction = defineAction(
  inviteIdSchema,
  async ({ invite_id }, ctx) => {
    const principal = teamOf(ctx);
    const store = await teamStore();
    if (!(await store.revokeInvite(principal.workspaceId, invite_id))) {
      throw new ActionError('This invitation was already used or withdrawn.');
    }
    revalidatePath('/team/members');
    return { revoked: invite_id };
  },
  { permission: 'members.invite' },
);
