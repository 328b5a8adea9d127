'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, defineAction } from '@/lib/action';
import type { VerifiedSession } from '@/lib/dal/auth';
import type { TeamPrincipal } from '../principal';
import { teamStore } from '../lazy-store';
import { MAX_EXPIRY_DAYS, TOKEN_NAME_MAX, TokenNameTakenError, TokenStore } from './token-store';

function teamOf(ctx: VerifiedSession): TeamPrincipal {
  if (ctx.principal?.kind !== 'team') throw new ActionError('Sign in to a team workspace first.');
  return ctx.principal;
}

async function tokenStore(): Promise<TokenStore> {
  return new TokenStore((await teamStore()).db);
}

const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'Name the token').max(TOKEN_NAME_MAX, 'At most 64 characters'),
  expires_days: z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z.coerce
      .number('A number of days')
      .int('A whole number of days')
      .min(1, 'At least 1 day')
      .max(MAX_EXPIRY_DAYS, `At most ${MAX_EXPIRY_DAYS} days`)
      .nullable(),
  ),
});

const tokenIdSchema = z.object({ token_id: z.string().min(1).max(64) });

/** Returns the token: shown to its member once, stored only as a hash. */
export const createTokenAction = defineAction(
  createTokenSchema,
  async ({ name, expires_days }, ctx) => {
    const principal = teamOf(ctx);
    const tokens = await tokenStore();
    try {
      const created = await tokens.create({
        workspaceId: principal.workspaceId,
        memberId: principal.memberId,
        name,
        expiresInDays: expires_days,
      });
      revalidatePath('/team/tokens');
      return { name, token: created.token, expiresAt: created.expiresAt };
    } catch (error) {
      if (error instanceof TokenNameTakenError) {
        throw new ActionError(error.message, { name: [error.message] });
      }
      throw error;
    }
  },
  { permission: 'token.create' },
);

/** Revokes a token of the workspace: the member's own (`mine`), or anyone's (admins). */
async function revoke(ctx: VerifiedSession, tokenId: string, mine: boolean) {
  const principal = teamOf(ctx);
  const tokens = await tokenStore();
  const memberId = mine ? principal.memberId : undefined;
  if (!(await tokens.revoke(principal.workspaceId, tokenId, memberId))) {
    throw new ActionError('This token was already revoked.');
  }
  revalidatePath('/team/tokens');
  return { revoked: tokenId };
}

/** A member revokes one of their own tokens. */
export const revokeOwnTokenAction = defineAction(
  tokenIdSchema,
  ({ token_id }, ctx) => revoke(ctx, token_id, true),
  { permission: 'token.revoke' },
);

/** Owners and admins revoke any token of the workspace. */
export const revokeAnyTokenAction = defineAction(
  tokenIdSchema,
  ({ token_id }, ctx) => revoke(ctx, token_id, false),
  { permission: 'token.manage' },
);
