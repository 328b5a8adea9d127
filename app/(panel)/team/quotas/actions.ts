'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, defineAction } from '@/lib/action';
import { QUOTA_KEYS } from '@/lib/team/quotas/quota-model';
import { formCheckbox } from '@/lib/validation/form';

/** Empty = no limit; otherwise a whole number ≥ 0. */
const limitField = z.preprocess(
  (value) => (value === '' || value === undefined ? null : value),
  z.coerce.number({ error: 'A whole number, or empty for no limit.' }).int().min(0).nullable(),
);

/** The disk limit is typed in GB (decimals allowed) and stored in MB. */
const gbLimitField = z.preprocess(
  (value) => (value === '' || value === undefined ? null : value),
  z.coerce
    .number({ error: 'A number of GB, or empty for no limit.' })
    .min(0, 'A number of GB, or empty for no limit.')
    .max(1_000_000_000)
    .nullable()
    .transform((gb) => (gb === null ? null : Math.round(gb * 1024))),
);

const quotaSchema = z.object({
  /** '' for the workspace-wide quota. */
  member_id: z.union([z.literal(''), z.uuid()]),
  vms: limitField,
  cores: limitField,
  memoryMb: limitField,
  diskMb: gbLimitField,
  ipv4: limitField,
  creditsPerHour: limitField,
  rproxies: limitField,
});

export const setQuotaAction = defineAction(
  quotaSchema,
  async (input, ctx) => {
    const principal = ctx.principal;
    if (principal?.kind !== 'team') throw new ActionError('Quotas belong to a team workspace.');
    const [{ getQuotaStore }, { getTeamStore }] = await Promise.all([
      import('@/lib/team/quotas/quota-store'),
      import('@/lib/team/runtime'),
    ]);
    if (input.member_id !== '') {
      const member = await (await getTeamStore()).getMember(input.member_id);
      if (!member || member.workspace_id !== principal.workspaceId || member.removed_at) {
        throw new ActionError('This member is not in the workspace.');
      }
    }
    const limits = Object.fromEntries(QUOTA_KEYS.map((key) => [key, input[key]]));
    await (
      await getQuotaStore()
    ).setLimits(
      principal.workspaceId,
      input.member_id === '' ? null : input.member_id,
      limits,
      principal.memberId,
    );
    revalidatePath('/team/quotas');
    return { saved: true };
  },
  { permission: 'quota.manage' },
);

const policySchema = z.object({
  above_cores: z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z.coerce.number({ error: 'A whole number, or empty for no rule.' }).int().min(0).nullable(),
  ),
  operator_deletes: formCheckbox,
});

/**
 * Launches above N cores by operators need an admin's approval (empty: no such rule), and, when
 * ticked, so does any delete by an operator.
 */
export const setApprovalPolicyAction = defineAction(
  policySchema,
  async ({ above_cores, operator_deletes }, ctx) => {
    const principal = ctx.principal;
    if (principal?.kind !== 'team') throw new ActionError('Policies belong to a team workspace.');
    const { setApprovalPolicy } = await import('@/lib/team/approvals/policy-store');
    await setApprovalPolicy(
      principal.workspaceId,
      { aboveCores: above_cores, operatorDeletes: operator_deletes },
      principal.memberId,
    );
    revalidatePath('/team/quotas');
    return { saved: true };
  },
  { permission: 'quota.manage' },
);
