/**
 * Approval policy (pure): besides quotas, an admin can require approval for launches above a
 * number of cores. Owners and admins are never held by it (they are the approvers).
 */
export interface ApprovalPolicy {
  /** Launches with more cores than this need approval; null = no such rule. */
  aboveCores: number | null;
}

export const NO_POLICY: ApprovalPolicy = { aboveCores: null };

/** Why the policy holds this launch back, or null when it does not. */
export function policyHold(
  policy: ApprovalPolicy,
  role: string,
  launch: { cores: number },
): string | null {
  if (role === 'owner' || role === 'admin') return null;
  if (policy.aboveCores !== null && launch.cores > policy.aboveCores) {
    return `Policy: launches above ${policy.aboveCores} core${policy.aboveCores === 1 ? '' : 's'} need an admin's approval (this one has ${launch.cores}).`;
  }
  return null;
}
