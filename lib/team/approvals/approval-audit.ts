import type { AuditInput } from '../store/audit-store';
import { redactParams } from '../audit/redact';
import type { ApprovalEvent, ApprovalRequest } from './approval-machine';

/** Who moved a request, when known (the portal itself executes, so it has no member). */
export interface ApprovalActor {
  memberId: string | null;
  memberEmail: string | null;
  ip: string | null;
}

export const NO_ACTOR: ApprovalActor = { memberId: null, memberEmail: null, ip: null };

const EVENT_ACTION: Record<ApprovalEvent['type'], string> = {
  approve: 'approval.approved',
  reject: 'approval.rejected',
  cancel: 'approval.cancelled',
  execute: 'approval.executing',
  progress: 'approval.progress',
  succeeded: 'approval.done',
  failed: 'approval.failed',
};

/** The audit entry of a new request: its (redacted) parameters and why it was held. */
export function requestedAuditEntry(
  request: { id: string; action: string; params: unknown; call?: unknown; why: string },
  actor: ApprovalActor,
): AuditInput {
  return {
    ...actor,
    action: 'approval.requested',
    resource: `approval:${request.id}`,
    params: {
      action: request.action,
      params: redactParams(request.params),
      ...(request.call ? { call: redactParams(request.call) } : {}),
    },
    result: 'ok',
    message: request.why,
  };
}

/**
 * The audit entry of one transition, so the hash chain holds the whole life of a request:
 * decisions with their reason, the execution, and the operations it started or its error.
 */
export function transitionAuditEntry(
  after: ApprovalRequest & { action: string },
  event: ApprovalEvent,
  actor: ApprovalActor,
): AuditInput {
  const base = {
    ...actor,
    action: EVENT_ACTION[event.type],
    resource: `approval:${after.id}`,
    params: { action: after.action, requested_by: after.requestedBy },
  };
  switch (event.type) {
    case 'approve':
    case 'reject':
      return { ...base, memberId: event.by, result: 'ok', message: event.reason.trim() };
    case 'cancel':
      return { ...base, memberId: event.by, result: 'ok', message: null };
    case 'execute':
      return { ...base, result: 'ok', message: null };
    case 'progress':
    case 'succeeded':
      return {
        ...base,
        result: 'ok',
        message: null,
        operations: event.operationIds.map((id) => ({ id })),
      };
    case 'failed':
      return { ...base, result: 'error', message: event.message };
  }
}
