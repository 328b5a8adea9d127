import type { ActionContext } from '@/lib/action';
import type { GateCall } from './gate-types';

/**
 * Asks the gate about a call before the steps that lead to it (a stop before a resize, a private
 * interface before a VM), so that nothing starts for a call that would then be refused or held.
 * The gated connection decides the call itself again when it is sent. No-op for personal
 * sessions (loads nothing of the team storage).
 */
export async function preflight(ctx: ActionContext, call: GateCall): Promise<void> {
  const principal = ctx.principal;
  if (principal?.kind !== 'team') return;
  const { decideFor, decisionError } = await import('./gated-connection');
  const decision = await decideFor(
    ctx.conn,
    { workspaceId: principal.workspaceId, memberId: principal.memberId, role: principal.role },
    call,
  );
  const error = decisionError(decision);
  if (error) throw error;
}
