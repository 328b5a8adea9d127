import 'server-only';
import type { GandiConnection } from '@/lib/gandi';
import { getTeamStore } from '../runtime';
import type { GateCall } from './gate-types';
import { decideFor, decisionError, gatedConnection, GateRefusal } from './gated-connection';

/**
 * The connection an approved request runs with: gated for its requester as they are now (role
 * and membership read again), with the approval lifting the policy's hold and the quota. The
 * stored call is decided again first, so a request whose source, target or permission no longer
 * holds fails before anything is sent; every call the run makes is decided again as it is sent.
 */
export async function requesterConnection(
  conn: GandiConnection,
  workspaceId: string,
  request: { requestedBy: string; call: GateCall | null },
): Promise<GandiConnection> {
  const member = await (await getTeamStore()).getMember(request.requestedBy);
  if (!member || member.workspace_id !== workspaceId || member.removed_at !== null) {
    throw new GateRefusal(
      'permission',
      'The member who asked for this is no longer in the workspace.',
    );
  }
  const requester = { workspaceId, memberId: member.id, role: member.role };
  if (request.call) {
    const decision = await decideFor(conn, requester, request.call, { approved: true });
    const lifted =
      decision.verdict === 'hold' || (decision.verdict === 'refuse' && decision.kind === 'quota');
    const error = lifted ? null : decisionError(decision);
    if (error) throw error;
  }
  return gatedConnection(conn, requester, { approved: true });
}
