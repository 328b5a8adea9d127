import 'server-only';
import type { GandiConnection } from '@/lib/gandi';
import type { GateCall } from '../gate/gate-types';
import type { TeamPrincipal } from '../principal';
import type { ApprovalActor } from './approval-audit';

/** The member behind an approval transition, for the audit chain. */
export async function actorOf(principal: TeamPrincipal): Promise<ApprovalActor> {
  const { requestAddress } = await import('../client-address');
  return {
    memberId: principal.memberId,
    memberEmail: principal.memberEmail,
    ip: await requestAddress(),
  };
}

/** Files a change for an admin's decision (audited as `approval.requested`); returns its id. */
export async function fileApprovalRequest(
  principal: TeamPrincipal,
  request: { action: string; params: unknown; call?: GateCall; why: string },
): Promise<string> {
  const { getApprovalStore } = await import('./approval-store');
  return (await getApprovalStore()).create(
    principal.workspaceId,
    {
      requestedBy: principal.memberId,
      requesterEmail: principal.memberEmail,
      ...request,
    },
    await actorOf(principal),
  );
}

/**
 * Files a change as a request that stores its call, after asking the gate as the member: a call
 * the gate refuses for anything but the quota (permission, ownership, catalogue, invalid) is not
 * filed — an approval can lift a quota or a policy hold, never those. Returns its id.
 */
export async function fileCallRequest(
  conn: GandiConnection,
  principal: TeamPrincipal,
  request: { action: string; params: unknown; call: GateCall; note?: string | undefined },
): Promise<string> {
  const { decideFor, decisionError } = await import('../gate/gated-connection');
  const member = {
    workspaceId: principal.workspaceId,
    memberId: principal.memberId,
    role: principal.role,
  };
  const decision = await decideFor(conn, member, request.call);
  if (decision.verdict === 'refuse' && decision.kind !== 'quota') {
    throw decisionError(decision);
  }
  const why =
    decision.verdict === 'hold'
      ? decision.reason
      : decision.verdict === 'refuse'
        ? (decision.quotaLines ?? [decision.reason]).join(' ')
        : 'Asked by the member.';
  // The approver reads why it was held, then what the requester wrote.
  const { note, ...filed } = request;
  return fileApprovalRequest(principal, {
    ...filed,
    why: note ? `${why} Requester's note: ${note}` : why,
  });
}
