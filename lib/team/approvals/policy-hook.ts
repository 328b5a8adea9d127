import 'server-only';
import { ActionError, type ActionContext } from '@/lib/action';

/**
 * The approval policy for the wizard's creations (as for template launches): a member's VM above
 * the policy's cores waits for an admin. Personal sessions return at once.
 */
export async function checkApprovalPolicy(ctx: ActionContext, cores: number): Promise<void> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return;
  const [{ getApprovalPolicy }, { policyHold }] = await Promise.all([
    import('./policy-store'),
    import('./policy'),
  ]);
  const hold = policyHold(await getApprovalPolicy(principal.workspaceId), principal.role, {
    cores,
  });
  if (hold) throw new ActionError(`Needs approval — ${hold}`);
}
