/**
 * Approval policy (pure): besides quotas, an admin can require approval for launches above a
 * number of cores, and for any delete by an operator. Owners and admins are never held by it
 * (they are the approvers).
 */
export interface ApprovalPolicy {
  /** Launches with more cores than this need approval; null = no such rule. */
  aboveCores: number | null;
  /** Every delete (VM, disk, interface) by an operator waits for an admin. */
  operatorDeletes: boolean;
}

export const NO_POLICY: ApprovalPolicy = { aboveCores: null, operatorDeletes: false };

const isApprover = (role: string) => role === 'owner' || role === 'admin';

/** Why the policy holds this launch back, or null when it does not. */
export function policyHold(
  policy: ApprovalPolicy,
  role: string,
  launch: { cores: number },
): string | null {
  if (isApprover(role)) return null;
  if (policy.aboveCores !== null && launch.cores > policy.aboveCores) {
    return `Policy: launches above ${policy.aboveCores} core${policy.aboveCores === 1 ? '' : 's'} need an admin's approval (this one has ${launch.cores}).`;
  }
  return null;
}

/** Why the policy holds this delete back, or null when the member may delete at once. */
export function deleteHold(policy: ApprovalPolicy, role: string): string | null {
  if (role === 'operator' && policy.operatorDeletes) {
    return "Policy: deletes by an operator need an admin's approval.";
  }
  return null;
}
