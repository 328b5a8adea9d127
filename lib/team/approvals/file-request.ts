import 'server-only';
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
  request: { action: string; params: unknown; why: string },
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
