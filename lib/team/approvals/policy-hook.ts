import 'server-only';
import type { ActionContext } from '@/lib/action';
import type { GateCall } from '../gate/gate-types';
import { heldForApproval, type HeldForApproval } from './held';

/**
 * When the gate holds this member's delete ("any delete by an operator"), files it as a request
 * storing the call instead of running it, and returns what the action answers; null means delete
 * now. `paramsOf` runs only then: it makes the action's own checks (the typed confirmation) and
 * names the resource. A delete the gate refuses is refused here already.
 */
export async function holdDelete(
  ctx: ActionContext,
  action: 'vm.delete' | 'disk.delete' | 'iface.delete',
  call: GateCall,
  paramsOf: () => Promise<Record<string, unknown>>,
): Promise<HeldForApproval | null> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return null;
  const [{ decideFor, decisionError }, { fileApprovalRequest }] = await Promise.all([
    import('../gate/gated-connection'),
    import('./file-request'),
  ]);
  const member = {
    workspaceId: principal.workspaceId,
    memberId: principal.memberId,
    role: principal.role,
  };
  const decision = await decideFor(ctx.conn, member, call);
  if (decision.verdict === 'run') return null;
  if (decision.verdict === 'refuse') throw decisionError(decision);
  const why = decision.reason;
  const requestId = await fileApprovalRequest(principal, {
    action,
    params: await paramsOf(),
    call,
    why,
  });
  return heldForApproval(requestId, why);
}
