import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { GandiError, runGated, userMessage } from '@/lib/gandi';
import type { ActionState } from '@/lib/action-state';
import { handleRevokedKey, verifySession, type VerifiedSession } from '@/lib/dal/auth';
import { formDataToObject } from '@/lib/validation/form';
import type { ActionPermission } from '@/lib/team/permission';

export type { ActionPermission };

/**
 * A failure the handler wants shown as it is (a sentence for people, optional field errors).
 * Anything else thrown by a handler is logged and replaced by a generic message.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

export type ActionContext = VerifiedSession;

export const NOT_SIGNED_IN_MESSAGE = 'Your session has ended — sign in again.';
export const INVALID_INPUT_MESSAGE = 'Some fields need attention.';
export const GENERIC_FAILURE_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * Upstream faults that concern one input field, so the form can show the message next to it.
 * By cause first (e.g. 530238 decodes to OBJECT_VM / CAUSE_HOSTNAME), then by object.
 */
const FIELD_BY_CAUSE: Record<string, string> = {
  CAUSE_HOSTNAME: 'hostname',
  CAUSE_DATACENTER: 'datacenter_id',
  CAUSE_CANNOT_SHRINK: 'size',
  CAUSE_IP_VERSION_MISMATCH: 'ip_version',
};
const FIELD_BY_OBJECT: Record<string, string> = {
  OBJECT_PASSWORD: 'password',
  OBJECT_SSHKEY: 'ssh_key',
};

export function fieldForFault(err: GandiError): string | undefined {
  return (
    (err.causeName ? FIELD_BY_CAUSE[err.causeName] : undefined) ??
    (err.objectName ? FIELD_BY_OBJECT[err.objectName] : undefined)
  );
}

/**
 * Builds a server action `(prev, formData) => ActionState<T>` that parses its input with `schema`,
 * checks the session itself (a server action is a public POST endpoint), runs `handler` and never
 * throws to the browser (Next would show a minified error) — except Next's own redirect/notFound.
 */
export function defineAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  options?: ActionPermission<z.output<S>>,
): (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  const run = runAction(schema, handler, options);
  return async (_prev, formData) => run(formDataToObject(formData));
}

/** Like `defineAction`, for actions called directly with a plain object (`await action({...})`). */
export function defineJsonAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  options?: ActionPermission<z.output<S>>,
): (input: z.input<S>) => Promise<ActionState<T>> {
  return runAction(schema, handler, options);
}

/**
 * `options` says what the action does (`{ permission: 'vm.delete', resource: … }`). Personal
 * sessions ignore it; for team members it is checked before the handler runs, and an action that
 * declares nothing is refused (fail closed). Team members' mutating actions are audited.
 */
function runAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
  options?: ActionPermission<z.output<S>>,
): (raw: unknown) => Promise<ActionState<T>> {
  return async (raw) => {
    try {
      const ctx = await verifySession();
      if (!ctx) return { status: 'error', message: NOT_SIGNED_IN_MESSAGE };
      const principal = ctx.principal?.kind === 'team' ? ctx.principal : undefined;
      // Loaded only for team members: personal mode never touches the team storage.
      const team = principal ? await import('@/lib/team/guard') : undefined;
      const keys = team ? (await import('@/lib/team/audit/audit-params')).knownKeys(schema) : null;
      if (team && principal) {
        // Permission before parsing: a refused member's input is neither validated nor logged
        // beyond the (capped) fields the action knows.
        const refusal = await team.authorizeBeforeParsing(
          ctx,
          principal,
          options as ActionPermission<never> | undefined,
          raw,
          keys,
        );
        if (!refusal.allowed) return { status: 'error', message: refusal.message };
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        if (team && principal && options) {
          await team.recordInvalidInput(
            ctx,
            principal,
            options as ActionPermission<never>,
            raw,
            keys,
          );
        }
        return {
          status: 'error',
          message: INVALID_INPUT_MESSAGE,
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        };
      }
      if (!team || !principal || !options) {
        const data = await handler(parsed.data, ctx);
        return { status: 'ok', data };
      }
      const verdict = await team.authorizeTeamAction(ctx, principal, options, parsed.data, raw);
      if (!verdict.allowed) return { status: 'error', message: verdict.message };
      let data: T;
      try {
        // Work a member causes: a mutator called around the gated connection is refused.
        data = await runGated(() => handler(parsed.data, ctx));
      } catch (err) {
        await team.recordTeamOutcome(ctx, principal, options, parsed.data, verdict.refs, {
          ok: false,
          error: err,
        });
        throw err;
      }
      await team.recordTeamOutcome(ctx, principal, options, parsed.data, verdict.refs, {
        ok: true,
        data,
      });
      return { status: 'ok', data };
    } catch (err) {
      unstable_rethrow(err);
      await handleRevokedKey(err);
      return toErrorState(err);
    }
  };
}

/** The error state for anything a handler threw (exported for tests and route handlers). */
export function toErrorState(err: unknown): {
  status: 'error';
  message: string;
  fieldErrors?: Record<string, string[]>;
} {
  if (err instanceof ActionError) {
    return {
      status: 'error',
      message: err.message,
      ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}),
    };
  }
  if (err instanceof GandiError) {
    const message = userMessage(err);
    const field = fieldForFault(err);
    return { status: 'error', message, ...(field ? { fieldErrors: { [field]: [message] } } : {}) };
  }
  // GandiError messages are already redacted by the client; for anything else log only the
  // class and message, never request data that could carry the key.
  const name = err instanceof Error ? err.name : typeof err;
  console.error(`[action] unexpected ${name}: ${err instanceof Error ? err.message : String(err)}`);
  return { status: 'error', message: GENERIC_FAILURE_MESSAGE };
}
