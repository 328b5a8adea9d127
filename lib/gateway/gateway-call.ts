import { GandiError, userMessage, type GandiConnection } from '@/lib/gandi';
import { forwardCall, type ForwardedAnswer } from '@/lib/gandi/forward';
import { addressKey, type SignInThrottle } from '@/lib/shared-state/sign-in-throttle';
import { decide } from '@/lib/team/roles';
import type { AuditInput, AuditOperation } from '@/lib/team/store/audit-store';
import type { TeamStore } from '@/lib/team/store/team-store';
import type { TokenHolder, TokenStore } from '@/lib/team/tokens/token-store';
import { MalformedRequest, parseMethodCall } from '@/simulator/xmlrpc/decode';
import { encodeFault, encodeResponse } from '@/simulator/xmlrpc/encode';
import type { XmlParam } from '@/simulator/xmlrpc/values';
import { callAuditEntry } from './audit-call';
import {
  dataFault,
  INVALID_TOKEN,
  parseFault,
  tooManyRequests,
  unsupportedMethod,
  upstreamUnavailable,
  type WireFault,
} from './faults';
import { METHOD_RULES, type MethodRule } from './methods';
import { scopeOperationOptions, seesAllOperations } from './operation-scope';
import type { RateLimiter } from './rate-limit';

/** A mutation on its way to the gate: who, with which connection, which call. */
export interface MutationCall {
  holder: TokenHolder;
  conn: GandiConnection;
  method: string;
  object: string;
  /** The arguments after the token. */
  args: XmlParam[];
  ip: string | null;
}

export type MutationOutcome =
  | { kind: 'ran'; answer: ForwardedAnswer; operations: AuditOperation[]; resource?: string | null }
  | { kind: 'refused'; fault: WireFault; message: string }
  | { kind: 'held'; requestId: string; message: string };

/** Decides a mutation (run, hold, refuse) and runs it when allowed: the gate's job, not this file's. */
export type MutationRunner = (call: MutationCall) => Promise<MutationOutcome>;

export interface GatewayLimits {
  perAddress: RateLimiter;
  perToken: RateLimiter;
  /** Unknown tokens from one address: slowed down like failed sign-ins. */
  badTokens: SignInThrottle;
}

export interface GatewayDeps {
  tokens: Pick<TokenStore, 'resolve'>;
  team: Pick<TeamStore, 'getWorkspace' | 'workspaceApiKey' | 'ownersOf' | 'appendAudit'>;
  endpointUrl: (endpointId: string) => string | undefined;
  mutate: MutationRunner;
  limits: GatewayLimits;
  timeoutMs?: number;
}

const fault = (f: WireFault): string => encodeFault(f.faultCode, f.faultString);

/** An upstream failure as the caller sees it: Gandi's own faults unchanged (key redacted). */
function upstreamFault(err: unknown): WireFault {
  if (err instanceof GandiError && err.kind === 'fault' && err.faultCode !== undefined) {
    return { faultCode: err.faultCode, faultString: err.faultString ?? err.reason };
  }
  return upstreamUnavailable(userMessage(err));
}

/**
 * Answers one XML-RPC request body for the portal's endpoint: the token (first argument) names the
 * member; reads are forwarded with the workspace key and scoped to what the member may see;
 * mutations go to the gate. Always a methodResponse (a fault for every refusal), never the key.
 */
export async function answerCall(
  deps: GatewayDeps,
  body: string,
  ip: string | null,
): Promise<string> {
  const byAddress = deps.limits.perAddress.take(ip ?? 'unknown');
  if (!byAddress.allowed) return fault(tooManyRequests(byAddress.retryAfterMs));

  let methodName: string;
  let params: XmlParam[];
  try {
    ({ methodName, params } = parseMethodCall(body));
  } catch (error) {
    if (error instanceof MalformedRequest) return fault(parseFault(error.message));
    throw error;
  }
  if (methodName === 'system.listMethods') return encodeResponse([...METHOD_RULES.keys()].sort());
  const rule = METHOD_RULES.get(methodName);
  if (!rule) return fault(unsupportedMethod(methodName));

  const address = ip ?? 'unknown';
  // Unknown tokens count on their own counter per address (not the address's sign-in failures).
  const badTokenKey = `xmlrpc-token:${addressKey(address)}`;
  const locked = await deps.limits.badTokens.check([badTokenKey]);
  if (!locked.allowed) return fault(tooManyRequests(locked.retryAfterMs));
  const [token, ...args] = params;
  const holder = typeof token === 'string' ? await deps.tokens.resolve(token) : undefined;
  if (!holder) {
    await deps.limits.badTokens.recordFailure([badTokenKey]);
    return fault(INVALID_TOKEN);
  }
  const byToken = deps.limits.perToken.take(holder.tokenId);
  if (!byToken.allowed) return fault(tooManyRequests(byToken.retryAfterMs));

  const workspace = await deps.team.getWorkspace(holder.workspaceId);
  const endpoint = workspace && deps.endpointUrl(workspace.endpoint_id);
  if (!endpoint) return fault(upstreamUnavailable('This workspace’s endpoint is not offered.'));
  const apiKey = await deps.team.workspaceApiKey(holder.workspaceId);
  const conn: GandiConnection = { endpoint, apiKey, timeoutMs: deps.timeoutMs ?? 30_000 };
  const audit = (
    entry: Omit<
      Parameters<typeof callAuditEntry>[0],
      'holder' | 'ip' | 'method' | 'args' | 'secrets'
    >,
  ) =>
    deps.team.appendAudit(
      holder.workspaceId,
      callAuditEntry({ ...entry, holder, ip, method: methodName, args, secrets: [apiKey] }),
    );

  if (rule.access === 'read')
    return answerRead(deps, { holder, conn, rule, methodName, args, audit });

  const outcome = await deps
    .mutate({ holder, conn, method: methodName, object: rule.object, args, ip })
    .catch((error: unknown) => ({ kind: 'failed' as const, error }));
  switch (outcome.kind) {
    case 'ran':
      await audit({
        result: 'ok',
        resource: outcome.resource ?? null,
        operations: outcome.operations,
      });
      return outcome.answer.body;
    case 'refused':
      await audit({ result: 'refused', message: outcome.message });
      return fault(outcome.fault);
    case 'held':
      await audit({ result: 'ok', message: outcome.message });
      return fault(dataFault(rule.object, 'CAUSE_PENDING', outcome.message));
    case 'failed': {
      const answer = upstreamFault(outcome.error);
      await audit({ result: 'error', message: answer.faultString });
      return fault(answer);
    }
  }
}

type Audit = (entry: {
  result: AuditInput['result'];
  message?: string | null;
  resource?: string | null;
  operations?: AuditInput['operations'];
}) => Promise<unknown>;

async function answerRead(
  deps: GatewayDeps,
  call: {
    holder: TokenHolder;
    conn: GandiConnection;
    rule: Extract<MethodRule, { access: 'read' }>;
    methodName: string;
    args: XmlParam[];
    audit: Audit;
  },
): Promise<string> {
  const { holder, conn, rule, methodName, audit } = call;
  let args = call.args;
  if (rule.permission && decide(holder.role, rule.permission) !== 'allow') {
    const reason = `Your role (${holder.role}) does not allow ${methodName}`;
    await audit({ result: 'refused', message: reason });
    return fault(dataFault(rule.object, 'CAUSE_NORIGHT', reason));
  }
  if (rule.operations && !seesAllOperations(holder.role)) {
    const owners = await deps.team.ownersOf(holder.workspaceId, 'operation');
    const owned = [...owners].filter(([, member]) => member === holder.memberId).map(([id]) => id);
    if (methodName === 'operation.info') {
      if (!(typeof args[0] === 'number' && owned.includes(args[0]))) {
        const reason = 'This operation is not one of yours';
        await audit({ result: 'refused', message: reason });
        return fault(dataFault(rule.object, 'CAUSE_NORIGHT', reason));
      }
    } else {
      const scoped = scopeOperationOptions(args[0], owned);
      if (scoped === null) {
        await audit({ result: 'ok' });
        return encodeResponse(methodName === 'operation.count' ? 0 : []);
      }
      if (scoped !== undefined) args = [scoped, ...args.slice(1)];
    }
  }
  try {
    const answer = await forwardCall(conn, { method: methodName, params: args, mutation: false });
    await audit({ result: 'ok' });
    return answer.body;
  } catch (error) {
    const answer = upstreamFault(error);
    await audit({ result: 'error', message: answer.faultString });
    return fault(answer);
  }
}
