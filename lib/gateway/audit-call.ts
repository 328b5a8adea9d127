import { auditParams } from '@/lib/team/audit/audit-params';
import type { AuditInput } from '@/lib/team/store/audit-store';
import type { TokenHolder } from '@/lib/team/tokens/token-store';
import type { XmlParam } from '@/simulator/xmlrpc/values';

function jsonable(value: XmlParam): unknown {
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonable(v)]));
  }
  return value;
}

/**
 * The arguments after the token as every audit entry keeps parameters (`auditParams`): secrets
 * redacted (the workspace key wherever it hides), long values shortened, a few KB at most.
 */
export function auditArgs(args: readonly XmlParam[], secrets: readonly string[]): unknown {
  const kept = auditParams({ args: args.map(jsonable) }, { keys: ['args'], secrets }) as {
    args?: unknown;
  };
  return kept.args ?? kept;
}

/** One entry per call through the endpoint: `xmlrpc.<method>`, naming the token it came with. */
export function callAuditEntry(input: {
  holder: TokenHolder;
  ip: string | null;
  method: string;
  args: readonly XmlParam[];
  secrets: readonly string[];
  result: AuditInput['result'];
  resource?: string | null;
  message?: string | null;
  operations?: AuditInput['operations'];
}): AuditInput {
  return {
    memberId: input.holder.memberId,
    memberEmail: input.holder.memberEmail,
    ip: input.ip,
    action: `xmlrpc.${input.method}`,
    resource: input.resource ?? null,
    params: { via: `token ${input.holder.tokenName}`, args: auditArgs(input.args, input.secrets) },
    result: input.result,
    message: input.message ?? null,
    operations: input.operations ?? [],
  };
}
