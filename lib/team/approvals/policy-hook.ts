import 'server-only';
import { ActionError, type ActionContext } from '@/lib/action';
import { heldForApproval, type HeldForApproval } from './held';

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

/**
 * When the policy holds this member's deletes ("any delete by an operator"), files the delete as a
 * request instead of running it and returns what the action answers; null means delete now.
 * `paramsOf` runs only then: it makes the action's own checks (the typed confirmation) and names
 * the resource. Permission on that resource was checked before the action ran.
 */
export async function holdDelete(
  ctx: ActionContext,
  action: 'vm.delete' | 'disk.delete' | 'iface.delete',
  paramsOf: () => Promise<Record<string, unknown>>,
): Promise<HeldForApproval | null> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return null;
  const [{ getApprovalPolicy }, { deleteHold }, { fileApprovalRequest }] = await Promise.all([
    import('./policy-store'),
    import('./policy'),
    import('./file-request'),
  ]);
  const why = deleteHold(await getApprovalPolicy(principal.workspaceId), principal.role);
  if (!why) return null;
  const requestId = await fileApprovalRequest(principal, { action, params: await paramsOf(), why });
  return heldForApproval(requestId, why);
}
