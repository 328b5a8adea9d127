import { deleteHold, policyHold } from '../approvals/policy';
import type { ResourceRef } from '../permission';
import { decide as roleDecision, ROLE_LABELS, type TeamAction } from '../roles';
import type { QuotaDelta } from '../quotas/quota-model';
import { callRule } from './call-rules';
import type { GateCall, GateDecision, GateDeps, GateMember, RefusalKind } from './gate-types';

/**
 * The one decision for every upstream mutation a member causes: `(member, method, args) → run |
 * hold | refuse`. In this order: the method is known and its arguments are what it takes
 * (invalid), the role allows it (permission), every object it touches is the member's to use
 * (ownership), the catalogue allows it (catalogue), the policy holds it (hold, with the quota
 * lines it would also cross), the quotas fit (quota). Reads only: nothing is sent upstream here.
 */

/** Objects with an owner in the portal's records (Gandi objects carry none). */
const OWNABLE = new Set<ResourceRef['kind']>(['vm', 'disk', 'iface', 'ip', 'operation', 'rproxy']);

export async function decideCall(
  member: GateMember,
  call: GateCall,
  deps: GateDeps,
  /** `quota: false`: the caller reserves the delta itself (the gated connection). */
  { quota = true }: { quota?: boolean } = {},
): Promise<GateDecision> {
  const rule = callRule(call.method);
  if (!rule) {
    return refuse('invalid', `The portal does not know ${call.method}: it is not sent.`, null);
  }
  const parsed = rule.args.safeParse(call.args);
  if (!parsed.success) {
    return refuse('invalid', `The arguments of ${call.method} are not what it takes.`, null);
  }
  const ctx = { args: parsed.data, reads: deps.reads };
  const permission =
    typeof rule.permission === 'function' ? rule.permission(parsed.data) : rule.permission;
  const byRole = roleDecision(member.role, permission);
  if (byRole === 'deny') {
    return refuse(
      'permission',
      `Your role (${ROLE_LABELS[member.role]}) does not allow this.`,
      permission,
    );
  }
  const touches = await rule.touches(ctx);
  // Owners and admins may use anything; anyone else only what they created, including what a
  // creation names (the disk copied, the interface reused).
  const mustOwn = member.role !== 'owner' && member.role !== 'admin';
  const ownable = touches.filter((ref) => OWNABLE.has(ref.kind));
  if (mustOwn && (byRole === 'own' || ownable.length > 0)) {
    if (byRole === 'own' && ownable.length === 0) {
      return refuse('ownership', 'This call names nothing of yours.', permission);
    }
    if (!(await deps.owns(member, ownable))) {
      return refuse('ownership', `${describeRefs(ownable)}: not yours to use.`, permission);
    }
  }
  const keys = rule.sshKeys?.(parsed.data) ?? [];
  if (keys.length > 0) {
    const known = await deps.reads.sshKeyIds();
    const missing = keys.filter((key) => !known.has(key));
    if (missing.length > 0) {
      return refuse(
        'catalogue',
        `Unknown SSH key ${missing.map((k) => `#${k}`).join(', ')}.`,
        permission,
      );
    }
  }
  const problem = (await rule.catalogue?.(ctx)) ?? null;
  if (problem) return refuse('catalogue', problem, permission);

  const delta: QuotaDelta = rule.delta ? await rule.delta(ctx, await deps.reads.prices()) : {};
  const grows = Object.values(delta).some((value) => (value ?? 0) > 0);
  const quotaLines = quota && grows ? await deps.quotaLines(member, delta) : [];
  const quotaField =
    typeof rule.quotaField === 'function' ? rule.quotaField(parsed.data) : rule.quotaField;
  const policy = await deps.policy(member.workspaceId);
  const cores = (await rule.policyCores?.(ctx)) ?? null;
  const hold =
    (cores === null ? null : policyHold(policy, member.role, { cores })) ??
    (rule.isDelete ? deleteHold(policy, member.role) : null);
  if (hold) {
    return { verdict: 'hold', permission, reason: [hold, ...quotaLines].join(' '), delta, touches };
  }
  if (quotaLines.length > 0) {
    return {
      verdict: 'refuse',
      kind: 'quota',
      reason: `Over quota — ${quotaLines.join(' ')}`,
      permission,
      quotaLines,
      ...(quotaField ? { field: quotaField } : {}),
    };
  }
  return {
    verdict: 'run',
    permission,
    delta,
    touches,
    ...(quotaField ? { quotaField } : {}),
  };
}

function refuse(kind: RefusalKind, reason: string, permission: TeamAction | null): GateDecision {
  return { verdict: 'refuse', kind, reason, permission };
}

function describeRefs(refs: readonly ResourceRef[]): string {
  const names: Record<string, string> = {
    vm: 'VM',
    disk: 'disk',
    iface: 'interface',
    ip: 'IP address',
    operation: 'operation',
    rproxy: 'load balancer',
  };
  const text = refs.map((ref) => `${names[ref.kind] ?? ref.kind} #${ref.id}`).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
