import 'server-only';
import { runGated, type GandiConnection } from '@/lib/gandi';
import { forwardCall } from '@/lib/gandi/forward';
import type { CallParam } from '@/lib/gandi/transport';
import { getApprovalStore } from '@/lib/team/approvals/approval-store';
import { GateHold, GateRefusal, gatedConnection } from '@/lib/team/gate';
import { QuotaExceededError } from '@/lib/team/quotas/enforce';
import type { TokenHolder } from '@/lib/team/tokens/token-store';
import { dataFault } from './faults';
import type { MutationCall, MutationOutcome, MutationRunner } from './gateway-call';

/** Methods whose operations create objects the caller then owns (as the forms record them). */
export function isCreation(method: string): boolean {
  return /\.create(_from)?$/.test(method);
}

/** The approval kind a held call is filed as (see `approvals/kinds/xmlrpc-call.ts`). */
export function heldCallAction(method: string): 'xmlrpc.create' | 'xmlrpc.change' {
  return isCreation(method) ? 'xmlrpc.create' : 'xmlrpc.change';
}

/** Files a held call as a request that stores it (re-decided by the gate when it runs). */
async function fileHeld(
  holder: TokenHolder,
  call: { method: string; args: readonly CallParam[] },
  why: string,
  ip: string | null,
): Promise<string> {
  const approvals = await getApprovalStore();
  return approvals.create(
    holder.workspaceId,
    {
      requestedBy: holder.memberId,
      requesterEmail: holder.memberEmail,
      action: heldCallAction(call.method),
      params: call,
      call,
      why,
    },
    { memberId: holder.memberId, memberEmail: holder.memberEmail, ip },
  );
}

/**
 * The endpoint's mutations, decided by the one gate (`lib/team/gate`) exactly as the forms' are:
 * sent on the member's gated connection inside a gated scope; a hold becomes an approval request
 * storing the call; refusals become Gandi-style faults. What a creation makes is the member's.
 */
export const gatedMutations: MutationRunner = async (
  call: MutationCall,
): Promise<MutationOutcome> => {
  const { holder } = call;
  const plain: GandiConnection = { ...call.conn, gate: undefined };
  const conn = gatedConnection(plain, {
    workspaceId: holder.workspaceId,
    memberId: holder.memberId,
    role: holder.role,
  });
  try {
    const answer = await runGated(() =>
      forwardCall(conn, { method: call.method, params: call.args, mutation: true }),
    );
    // The gate recorded what it creates as the member's (and follows its quota reservation).
    const operations = answer.operations.map((op) => ({ id: op.id, type: op.type }));
    const made =
      answer.operations.find((op) => op.vmId) ?? answer.operations.find((op) => op.diskId);
    const resource = made?.vmId ? `vm:${made.vmId}` : made?.diskId ? `disk:${made.diskId}` : null;
    return { kind: 'ran', answer, operations, resource };
  } catch (error) {
    if (error instanceof GateHold) {
      const requestId = await fileHeld(
        holder,
        { method: call.method, args: call.args },
        error.reason,
        call.ip,
      );
      return {
        kind: 'held',
        requestId,
        message: `Held for approval as request ${requestId}: ${error.reason}`,
      };
    }
    if (error instanceof QuotaExceededError) {
      return {
        kind: 'refused',
        fault: dataFault(call.object, 'CAUSE_QUOTA_REACHED', error.message),
        message: error.message,
      };
    }
    if (error instanceof GateRefusal) {
      const cause =
        error.kind === 'permission' || error.kind === 'ownership'
          ? 'CAUSE_NORIGHT'
          : 'CAUSE_BADPARAMETER';
      return {
        kind: 'refused',
        fault: dataFault(call.object, cause, error.message),
        message: error.message,
      };
    }
    throw error;
  }
};
