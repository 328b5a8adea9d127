import 'server-only';
import { z } from 'zod';
import { GandiError, userMessage, type Account, type GandiConnection } from '@/lib/gandi';
import type { ActionState } from '@/lib/action-state';
import type { Endpoint } from '@/lib/endpoints';
import { signInSchema } from '@/lib/validation/auth';
import {
  addressKey,
  describeWait,
  targetKey,
  type SignInThrottle,
} from '@/lib/shared-state/sign-in-throttle';

export interface SignInDeps {
  /** The client's address (see lib/client-address.ts). */
  client: string;
  throttle: SignInThrottle;
  findEndpoint: (id: string) => Endpoint | undefined;
  /** `hosting.account.info` on the chosen endpoint. */
  accountInfo: (conn: GandiConnection) => Promise<Account>;
}

export type SignInResult =
  | { ok: true; session: { apiKey: string; endpointId: string; handle: string } }
  | { ok: false; state: Extract<ActionState, { status: 'error' }> };

const UNKNOWN_KEY_FAULT = 510150;
const MALFORMED_KEY_FAULTS = new Set([500037, 501237]);
/** A sign-in should not hang on a dead endpoint for the client's default 15 s. */
const SIGN_IN_TIMEOUT_MS = 10_000;

/**
 * Checks a sign-in attempt: throttle, input format, endpoint id, then the key itself with
 * `hosting.account.info`. Only attempts that reached the API with a refused key count as failures
 * (a typo in the format or an unreachable endpoint says nothing about guessing keys).
 */
export async function checkSignIn(raw: unknown, deps: SignInDeps): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return fail('Check the highlighted fields.', fieldErrors);
  }
  const { apiKey, endpointId } = parsed.data;
  // Counted under the address AND the key's target: changing address does not reset the count
  // against one key, and a success with another key does not clear the address.
  const target = targetKey('api-key', apiKey);
  const keys = [addressKey(deps.client), target];
  const verdict = await deps.throttle.check(keys);
  if (!verdict.allowed) return fail(lockedOutMessage(verdict.retryAfterMs));
  const endpoint = deps.findEndpoint(endpointId);
  if (!endpoint) {
    return fail('Check the highlighted fields.', {
      endpointId: ['Choose one of the offered endpoints'],
    });
  }
  try {
    const account = await deps.accountInfo({
      endpoint: endpoint.url,
      apiKey,
      timeoutMs: SIGN_IN_TIMEOUT_MS,
    });
    await deps.throttle.recordSuccess(target);
    return { ok: true, session: { apiKey, endpointId: endpoint.id, handle: account.handle } };
  } catch (err) {
    if (err instanceof GandiError && err.kind === 'fault' && err.faultCode !== undefined) {
      if (err.faultCode === UNKNOWN_KEY_FAULT || MALFORMED_KEY_FAULTS.has(err.faultCode)) {
        const lockout = await deps.throttle.recordFailure(keys);
        const message =
          err.faultCode === UNKNOWN_KEY_FAULT
            ? `${endpoint.label} does not know this API key (revoked or mistyped).`
            : userMessage(err);
        return fail(`Sign-in failed.${lockoutSuffix(lockout)}`, { apiKey: [message] });
      }
    }
    if (err instanceof GandiError) return fail(userMessage(err));
    console.error(`[sign-in] unexpected ${err instanceof Error ? err.name : typeof err}`);
    return fail('Sign-in failed for an unexpected reason. Please try again.');
  }
}

/** The one wording of a lockout (personal and team sign-in). */
export function lockedOutMessage(retryAfterMs: number): string {
  return `Too many failed sign-ins from this address or for this account. Try again in ${describeWait(retryAfterMs)}.`;
}

/** What a failure adds to its message once it caused a lockout. */
export function lockoutSuffix(lockout: number): string {
  return lockout > 0
    ? ` Too many failures: wait ${describeWait(lockout)} before the next try.`
    : '';
}

function fail(message: string, fieldErrors?: Record<string, string[]>): SignInResult {
  return {
    ok: false,
    state: { status: 'error', message, ...(fieldErrors ? { fieldErrors } : {}) },
  };
}
