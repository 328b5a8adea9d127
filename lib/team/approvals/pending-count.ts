import 'server-only';
import type { Principal } from '../principal';
import { decide } from '../roles';

/**
 * Requests waiting, as this member sees them: all pending ones for those who decide, their own
 * for the others; null when approvals are not theirs to see (and for personal sessions, which
 * load nothing of the team storage). For the dashboard card and the navigation's count.
 */
export async function pendingApprovals(
  principal: Principal | undefined,
): Promise<{ count: number; decides: boolean } | null> {
  if (principal?.kind !== 'team') return null;
  if (decide(principal.role, 'approval.read') === 'deny') return null;
  const { getApprovalStore } = await import('./approval-store');
  const decides = decide(principal.role, 'approval.decide') === 'allow';
  const count = await (
    await getApprovalStore()
  ).countPending(principal.workspaceId, decides ? undefined : principal.memberId);
  return { count, decides };
}
