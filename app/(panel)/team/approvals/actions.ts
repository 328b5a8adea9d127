'use server';

import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, defineAction, type ActionContext } from '@/lib/action';
import { diskCopySource } from '@/lib/team/permission';
import type { TeamPrincipal } from '@/lib/team/principal';
import { launchSchema, mayLaunch } from '@/lib/team/templates/template-schema';
import { createDiskSchema, snapshotSchema, updateDiskSchema } from '@/lib/validation/disk';
import { createPublicIfaceSchema } from '@/lib/validation/network';
import { createVmSchema, resizeVmSchema } from '@/lib/validation/vm';

// Requests are filed here by the member a quota or the policy stopped (deletes held by the policy
// are filed by the delete actions themselves); kinds and their execution: lib/team/approvals.

function teamOf(ctx: ActionContext): TeamPrincipal {
  if (ctx.principal?.kind !== 'team') {
    throw new ActionError('Approvals belong to a team workspace: sign in as a member.');
  }
  return ctx.principal;
}

/**
 * Why a change needs an admin's approval, in the words the member saw: the policy's hold and
 * every quota it would exceed, re-checked now rather than taken from the browser.
 */
async function approvalReason(hold: string | null, quotaCheck: () => Promise<void>) {
  const { QuotaExceededError } = await import('@/lib/team/quotas/enforce');
  try {
    await quotaCheck();
  } catch (err) {
    if (!(err instanceof QuotaExceededError)) throw err;
    return [hold, ...err.lines].filter(Boolean).join(' ');
  }
  return hold ?? 'Asked by the member.';
}

/** The policy's hold and quotas of a VM launch (wizard or template). */
async function launchReason(
  ctx: ActionContext,
  principal: TeamPrincipal,
  launch: { cores: number; memory: number; disk_size: number; ip_mode: string },
): Promise<string> {
  const [{ getApprovalPolicy }, { policyHold }, { checkCreationQuota }] = await Promise.all([
    import('@/lib/team/approvals/policy-store'),
    import('@/lib/team/approvals/policy'),
    import('@/lib/team/quotas/hooks'),
  ]);
  const hold = policyHold(await getApprovalPolicy(principal.workspaceId), principal.role, launch);
  return approvalReason(hold, () =>
    checkCreationQuota(ctx, {
      cores: launch.cores,
      memoryMb: launch.memory,
      diskMb: launch.disk_size,
      ipv4: launch.ip_mode === 'dual' ? 1 : 0,
      ipv6: 1,
    }),
  );
}

/** The requester's note, sent with every request form (`ApprovalRequestButton`). */
const requestNote = z.object({ request_note: z.string().trim().max(500).optional() });
function withNote<S extends z.ZodType>(schema: S) {
  return z.intersection(schema, requestNote);
}

async function file(
  principal: TeamPrincipal,
  action: string,
  params: unknown,
  why: string,
  note?: string,
) {
  const { fileApprovalRequest } = await import('@/lib/team/approvals/file-request');
  // The approver reads why it was held, then what the requester wrote.
  const id = await fileApprovalRequest(principal, {
    action,
    params,
    why: note ? `${why} Requester's note: ${note}` : why,
  });
  revalidatePath('/team/approvals');
  return { id };
}

/** A template launch the quota refused, sent to the admins instead. */
export const requestApprovalAction = defineAction(
  launchSchema.extend({ note: z.string().trim().max(500).optional() }),
  async ({ template_id, hostname, note }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getTemplateStore }, { TEMPLATE_LAUNCH_ACTION }] = await Promise.all([
      import('@/lib/team/templates/template-store'),
      import('@/lib/team/approvals/kinds/template-launch'),
    ]);
    const template = await (await getTemplateStore()).get(principal.workspaceId, template_id);
    if (!template) throw new ActionError('This template no longer exists.');
    if (!mayLaunch(principal.role, template.roles)) {
      throw new ActionError('This template is not open to your role.');
    }
    const params = { template_id, template_name: template.name, hostname, note: note ?? '' };
    return file(
      principal,
      TEMPLATE_LAUNCH_ACTION,
      params,
      await launchReason(ctx, principal, template.spec),
    );
  },
  { permission: 'approval.request' },
);

/** A wizard creation the quota or the policy refused, sent to the admins instead. */
export const requestVmCreateApprovalAction = defineAction(
  withNote(createVmSchema),
  async ({ request_note, ...input }, ctx) => {
    const principal = teamOf(ctx);
    const [{ toVmCreateParams, VmCreateRequestError, VM_CREATE_ACTION }, { passwordSealer }] =
      await Promise.all([
        import('@/lib/team/approvals/vm-create-request'),
        import('@/lib/team/approvals/password-seal'),
      ]);
    let params;
    try {
      params = toVmCreateParams(input, passwordSealer(principal.workspaceId).seal);
    } catch (err) {
      if (err instanceof VmCreateRequestError) throw new ActionError(err.message);
      throw err;
    }
    const why = await launchReason(ctx, principal, input);
    return file(principal, VM_CREATE_ACTION, params, why, request_note);
  },
  // The password is sealed in the request and never written to the audit log.
  { permission: 'approval.request', audit: { redact: ['password'] } },
);

/** A new disk over quota, sent to the admins instead. */
export const requestDiskCreateApprovalAction = defineAction(
  withNote(createDiskSchema),
  async ({ request_note, ...input }, ctx) => {
    const principal = teamOf(ctx);
    const { checkNewDiskQuota, newDiskSizeMb } = await import('@/lib/team/quotas/hooks');
    const why = await approvalReason(null, () =>
      checkNewDiskQuota(ctx, () => newDiskSizeMb(ctx, input)),
    );
    return file(principal, 'disk.create', input, why, request_note);
  },
  {
    permission: 'approval.request',
    // As for the create itself: a copy reads its source, which must be the member's to use.
    resource: diskCopySource,
  },
);

/** A new public IP over quota, sent to the admins instead. */
export const requestIfaceCreateApprovalAction = defineAction(
  withNote(createPublicIfaceSchema),
  async ({ request_note, ...input }, ctx) => {
    const principal = teamOf(ctx);
    const { checkPublicIpQuota } = await import('@/lib/team/quotas/hooks');
    const why = await approvalReason(null, () => checkPublicIpQuota(ctx, input.ip_mode));
    return file(principal, 'iface.create', input, why, request_note);
  },
  {
    permission: 'approval.request',
    resource: ({ vm_id }) => (vm_id === undefined ? null : { kind: 'vm', id: vm_id }),
  },
);

/** Growing a VM past the quota, sent to the admins instead. */
export const requestVmResizeApprovalAction = defineAction(
  withNote(resizeVmSchema),
  async ({ vm_id, cores, memory, accept_reboot, request_note }, ctx) => {
    const principal = teamOf(ctx);
    const [{ checkResizeQuota }, { vmInfo }] = await Promise.all([
      import('@/lib/team/quotas/hooks'),
      import('@/lib/gandi'),
    ]);
    const { hostname } = await vmInfo(ctx.conn, vm_id);
    const why = await approvalReason(null, () =>
      checkResizeQuota(ctx, vm_id, { cores, memoryMb: memory }),
    );
    const params = { vm_id, hostname, cores, memory, accept_reboot };
    return file(principal, 'vm.update', params, why, request_note);
  },
  { permission: 'approval.request', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

/** Growing a disk past the quota, sent to the admins instead. */
export const requestDiskResizeApprovalAction = defineAction(
  withNote(updateDiskSchema),
  async ({ disk_id, name, size_gb, request_note }, ctx) => {
    const principal = teamOf(ctx);
    const { checkDiskResizeQuota } = await import('@/lib/team/quotas/hooks');
    const why = await approvalReason(null, () => checkDiskResizeQuota(ctx, disk_id, size_gb));
    return file(principal, 'disk.update', { disk_id, name, size_gb }, why, request_note);
  },
  { permission: 'approval.request', resource: ({ disk_id }) => ({ kind: 'disk', id: disk_id }) },
);

/** A snapshot over the disk quota, sent to the admins instead. */
export const requestSnapshotApprovalAction = defineAction(
  withNote(snapshotSchema),
  async ({ disk_id, name, request_note }, ctx) => {
    const principal = teamOf(ctx);
    const [{ checkSnapshotQuota }, { diskInfo }] = await Promise.all([
      import('@/lib/team/quotas/hooks'),
      import('@/lib/gandi'),
    ]);
    const disk = await diskInfo(ctx.conn, disk_id);
    const why = await approvalReason(null, () => checkSnapshotQuota(ctx, disk_id));
    const params = { disk_id, disk_name: disk.name, name };
    return file(principal, 'disk.snapshot', params, why, request_note);
  },
  { permission: 'approval.request', resource: ({ disk_id }) => ({ kind: 'disk', id: disk_id }) },
);

/** The requester withdraws a request still pending (nothing ran for it). */
export const cancelApprovalAction = defineAction(
  z.object({ request_id: z.uuid() }),
  async ({ request_id }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getApprovalStore }, { actorOf }] = await Promise.all([
      import('@/lib/team/approvals/approval-store'),
      import('@/lib/team/approvals/file-request'),
    ]);
    const cancelled = await (
      await getApprovalStore()
    ).apply(
      principal.workspaceId,
      request_id,
      { type: 'cancel', by: principal.memberId },
      await actorOf(principal),
    );
    if (!cancelled.ok) throw new ActionError(cancelled.message);
    revalidatePath('/team/approvals');
    return { id: request_id, state: cancelled.request.state };
  },
  { permission: 'approval.request' },
);

const STALLED_MESSAGE =
  'Stopped before its end (the portal restarted?): check what it changed and redo the rest by hand.';

/**
 * An admin closes a request that stalled while executing (see `isStalled`): nothing would ever
 * finish it, and its page would keep waiting.
 */
export const closeStalledApprovalAction = defineAction(
  z.object({ request_id: z.uuid() }),
  async ({ request_id }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getApprovalStore }, { actorOf }, { isStalled }] = await Promise.all([
      import('@/lib/team/approvals/approval-store'),
      import('@/lib/team/approvals/file-request'),
      import('@/lib/team/approvals/approval-machine'),
    ]);
    const approvals = await getApprovalStore();
    const request = await approvals.get(principal.workspaceId, request_id);
    if (!request) throw new ActionError('This request no longer exists.');
    if (!isStalled(request, new Date())) throw new ActionError('This request is not stalled.');
    const closed = await approvals.apply(
      principal.workspaceId,
      request_id,
      { type: 'failed', message: STALLED_MESSAGE },
      await actorOf(principal),
    );
    if (!closed.ok) throw new ActionError(closed.message);
    revalidatePath('/team/approvals');
    return { id: request_id, state: closed.request.state };
  },
  { permission: 'approval.decide' },
);

const decideSchema = z.object({
  request_id: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(3, 'Give a reason for the decision.').max(500),
});

/**
 * An admin's decision. On approval the portal runs the request at once (quota bypassed: that is
 * what the approval is for); what it creates and its operations belong to the requester. A
 * request in steps (stop, then delete) finishes after this response. The audit entry of this
 * action carries the decision, its reason and the operations it started.
 */
export const decideApprovalAction = defineAction(
  decideSchema,
  async ({ request_id, decision, reason }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getApprovalStore }, { getTeamStore }, { actorOf }, { executeApproved }] =
      await Promise.all([
        import('@/lib/team/approvals/approval-store'),
        import('@/lib/team/runtime'),
        import('@/lib/team/approvals/file-request'),
        import('@/lib/team/approvals/execute'),
      ]);
    const approvals = await getApprovalStore();
    const actor = await actorOf(principal);
    const decided = await approvals.apply(
      principal.workspaceId,
      request_id,
      { type: decision, by: principal.memberId, role: principal.role, reason },
      actor,
    );
    if (!decided.ok) throw new ActionError(decided.message);
    revalidatePath('/team/approvals');
    if (decision === 'reject') return { id: request_id, state: 'rejected', operations: [] };

    const { request, operations } = await executeApproved(
      {
        approvals,
        team: await getTeamStore(),
        conn: ctx.conn,
        workspaceId: principal.workspaceId,
        actor,
        later: (task) => after(task),
      },
      request_id,
    );
    return { id: request_id, state: request.state, operations };
  },
  { permission: 'approval.decide' },
);
