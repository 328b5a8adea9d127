'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, defineAction, type ActionContext } from '@/lib/action';
import { diskCopySource } from '@/lib/team/permission';
import type { GateCall } from '@/lib/team/gate/gate-types';
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
 * Files the change as a request storing its call. The gate decides the call as for the member
 * first: what it refuses for anything but a quota is not filed (an approval lifts a quota or a
 * policy hold, never a permission, an ownership or the catalogue); why it needs approval is the
 * gate's own reason, re-decided now rather than taken from the browser.
 */
async function file(
  ctx: ActionContext,
  action: string,
  params: unknown,
  call: GateCall,
  note?: string,
) {
  const principal = teamOf(ctx);
  const { fileCallRequest } = await import('@/lib/team/approvals/file-request');
  const id = await fileCallRequest(ctx.conn, principal, { action, params, call, note });
  revalidatePath('/team/approvals');
  return { id };
}

/** The requester's note, sent with every request form (`ApprovalRequestButton`). */
const requestNote = z.object({ request_note: z.string().trim().max(500).optional() });
function withNote<S extends z.ZodType>(schema: S) {
  return z.intersection(schema, requestNote);
}

/** A template launch the quota refused, sent to the admins instead. */
export const requestApprovalAction = defineAction(
  launchSchema.extend({ note: z.string().trim().max(500).optional() }),
  async ({ template_id, hostname, note }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getTemplateStore }, { TEMPLATE_LAUNCH_ACTION }, { templateCreateFromCall }] =
      await Promise.all([
        import('@/lib/team/templates/template-store'),
        import('@/lib/team/approvals/kinds/template-launch'),
        import('@/lib/team/templates/launch'),
      ]);
    const template = await (await getTemplateStore()).get(principal.workspaceId, template_id);
    if (!template) throw new ActionError('This template no longer exists.');
    if (!mayLaunch(principal.role, template.roles)) {
      throw new ActionError('This template is not open to your role.');
    }
    const params = { template_id, template_name: template.name, hostname, note: note ?? '' };
    const call = templateCreateFromCall(template.spec, hostname);
    return file(ctx, TEMPLATE_LAUNCH_ACTION, params, {
      method: 'hosting.vm.create_from',
      args: [call.vmSpec, call.diskSpec, call.srcDiskId],
    });
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
    // The stored call never holds the password (it is sealed in the parameters).
    return file(
      ctx,
      VM_CREATE_ACTION,
      params,
      {
        method: 'hosting.vm.create_from',
        args: [params.vm_spec, params.disk_spec, params.src_disk_id],
      },
      request_note,
    );
  },
  // The password is sealed in the request and never written to the audit log.
  { permission: 'approval.request', audit: { redact: ['password'] } },
);

/** A new disk over quota, sent to the admins instead. */
export const requestDiskCreateApprovalAction = defineAction(
  withNote(createDiskSchema),
  async ({ request_note, ...input }, ctx) => {
    const { planDiskCreate } = await import('@/lib/dal/disk-mutations');
    const { spec, srcDiskId } = await planDiskCreate(ctx.conn, input);
    return file(
      ctx,
      'disk.create',
      input,
      srcDiskId === null
        ? { method: 'hosting.disk.create', args: [spec] }
        : { method: 'hosting.disk.create_from', args: [spec, srcDiskId] },
      request_note,
    );
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
  async ({ request_note, ...input }, ctx) =>
    file(
      ctx,
      'iface.create',
      input,
      {
        method: 'hosting.iface.create',
        args: [
          {
            datacenter_id: input.datacenter_id,
            ip_version: input.ip_mode === 'dual' ? 4 : 6,
            bandwidth: input.bandwidth,
          },
        ],
      },
      request_note,
    ),
  {
    permission: 'approval.request',
    resource: ({ vm_id }) => (vm_id === undefined ? null : { kind: 'vm', id: vm_id }),
  },
);

/** Growing a VM past the quota or the policy's cores, sent to the admins instead. */
export const requestVmResizeApprovalAction = defineAction(
  withNote(resizeVmSchema),
  async ({ vm_id, cores, memory, accept_reboot, request_note }, ctx) => {
    const { vmInfo } = await import('@/lib/gandi');
    const { hostname } = await vmInfo(ctx.conn, vm_id);
    return file(
      ctx,
      'vm.update',
      { vm_id, hostname, cores, memory, accept_reboot },
      { method: 'hosting.vm.update', args: [vm_id, { cores, memory }] },
      request_note,
    );
  },
  { permission: 'approval.request', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

/** Growing a disk past the quota, sent to the admins instead. */
export const requestDiskResizeApprovalAction = defineAction(
  withNote(updateDiskSchema),
  async ({ disk_id, name, size_gb, request_note }, ctx) => {
    const { diskInfo } = await import('@/lib/gandi');
    // The card names the disk as it is called now (the form may also rename it).
    const current = await diskInfo(ctx.conn, disk_id);
    return file(
      ctx,
      'disk.update',
      { disk_id, name, size_gb, current_name: current.name },
      { method: 'hosting.disk.update', args: [disk_id, { size: size_gb * 1024 }] },
      request_note,
    );
  },
  { permission: 'approval.request', resource: ({ disk_id }) => ({ kind: 'disk', id: disk_id }) },
);

/** A snapshot over the disk quota, sent to the admins instead. */
export const requestSnapshotApprovalAction = defineAction(
  withNote(snapshotSchema),
  async ({ disk_id, name, request_note }, ctx) => {
    const { diskInfo } = await import('@/lib/gandi');
    const disk = await diskInfo(ctx.conn, disk_id);
    return file(
      ctx,
      'disk.snapshot',
      { disk_id, disk_name: disk.name, name },
      {
        method: 'hosting.disk.create_from',
        args: [
          { datacenter_id: disk.datacenterId, name: name || disk.name, type: 'snapshot' },
          disk_id,
        ],
      },
      request_note,
    );
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

const decideSchema = z.object({
  request_id: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(3, 'Give a reason for the decision.').max(500),
});

/**
 * An admin's decision. On approval the portal runs the request at once as a durable job (quota
 * bypassed: that is what the approval is for; any replica finishes it, also after a crash); what
 * it creates and its operations belong to the requester. The answer waits briefly for its first
 * step; the rest is followed on the page.
 */
export const decideApprovalAction = defineAction(
  decideSchema,
  async ({ request_id, decision, reason }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getApprovalStore }, { actorOf }, { startApprovalJob }] = await Promise.all([
      import('@/lib/team/approvals/approval-store'),
      import('@/lib/team/approvals/file-request'),
      import('@/lib/jobs/approval-job'),
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
    const request = await startApprovalJob({
      workspaceId: principal.workspaceId,
      requestId: request_id,
      actor,
    });
    return {
      id: request_id,
      state: request.state,
      operations: request.operationIds.map((id) => ({ id })),
    };
  },
  { permission: 'approval.decide' },
);
