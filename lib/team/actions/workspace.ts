'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { accountInfo, GandiError } from '@/lib/gandi';
import { describeWait } from '@/lib/shared-state/sign-in-throttle';
import { signInThrottle } from '@/lib/shared-state/runtime';
import { ActionError, defineAction } from '@/lib/action';
import { findEndpoint } from '@/lib/endpoints';
import { startTeamSession } from '@/lib/session';
import { hashPassword } from '../password';
import { createWorkspaceSchema, replaceKeySchema } from '../validation';
import { teamStore } from '../lazy-store';
import { requestAddress } from '../client-address';
import { workspaceCapProblem } from '../workspace-cap';

/**
 * Turns the current personal session into a team workspace: the key (and its endpoint) go into
 * the database encrypted, the person becomes its owner and is signed in as that member. The key
 * is never shown again.
 */
export const createWorkspaceAction = defineAction(
  createWorkspaceSchema,
  async ({ name, email, password }, ctx) => {
    if (ctx.principal?.kind === 'team') {
      throw new ActionError('You are already in a team workspace.');
    }
    const store = await teamStore();
    const capped = await workspaceCapProblem(store, ctx.endpoint.id, ctx.handle);
    if (capped) throw new ActionError(capped);
    const { workspace, owner } = await store.createWorkspace({
      name,
      endpointId: ctx.endpoint.id,
      handle: ctx.handle,
      apiKey: ctx.conn.apiKey,
      ownerEmail: email,
      ownerPasswordHash: await hashPassword(password),
    });
    await store.appendAudit(workspace.id, {
      memberId: owner.id,
      memberEmail: owner.email,
      ip: await requestAddress(),
      action: 'workspace.create',
      resource: null,
      params: { name, email, endpoint: ctx.endpoint.id },
      result: 'ok',
    });
    const sessionId = await store.createSession(owner);
    await startTeamSession(sessionId, workspace.id);
    redirect('/team');
  },
  // Personal sessions create workspaces; for a team member this is refused by the handler.
  { permission: 'workspace.read' },
);

/** The owner replaces the stored key (e.g. after regenerating it at Gandi): same account only. */
export const replaceKeyAction = defineAction(
  replaceKeySchema,
  async ({ apiKey }, ctx) => {
    if (ctx.principal?.kind !== 'team') throw new ActionError('Sign in to a team workspace first.');
    const endpoint = findEndpoint(ctx.endpoint.id);
    if (!endpoint) throw new ActionError('This workspace’s endpoint is no longer offered.');
    // Each try tells whether a key is valid: throttled like sign-in, per workspace.
    const throttleKey = `replace-key:${ctx.principal.workspaceId}`;
    const throttle = await signInThrottle();
    const verdict = await throttle.check([throttleKey]);
    if (!verdict.allowed) {
      throw new ActionError(
        `Too many failed tries. Try again in ${describeWait(verdict.retryAfterMs)}.`,
      );
    }
    let account;
    try {
      account = await accountInfo({ endpoint: endpoint.url, apiKey, timeoutMs: 10_000 });
    } catch (err) {
      // A mistyped key is not the workspace's key being revoked: say so, sign nobody out.
      if (!(err instanceof GandiError) || err.kind !== 'fault') throw err;
      await throttle.recordFailure([throttleKey]);
      throw new ActionError('This key was not accepted by Gandi.', {
        apiKey: ['Check the key: Gandi does not accept it.'],
      });
    }
    await throttle.recordSuccess(throttleKey);
    if (account.handle !== ctx.handle) {
      throw new ActionError('This key belongs to another Gandi account.', {
        apiKey: [`The workspace uses the account ${ctx.handle}.`],
      });
    }
    const store = await teamStore();
    await store.replaceApiKey(ctx.principal.workspaceId, apiKey);
    revalidatePath('/team');
    return { replaced: true };
  },
  { permission: 'workspace.key.replace', audit: { redact: ['apiKey'] } },
);
