'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, defineAction, type ActionContext } from '@/lib/action';
import type { TeamPrincipal } from '@/lib/team/principal';
import { launchSchema, mayLaunch } from '@/lib/team/templates/template-schema';
import type { ApprovalActor } from '@/lib/team/approvals/approval-audit';
import { createVmSchema } from '@/lib/validation/vm';

function teamOf(ctx: ActionContext): TeamPrincipal {
  if (ctx.principal?.kind !== 'team') {
    throw new ActionError('Approvals belong to a team workspace: sign in as a member.');
  }
  return ctx.principal;
}

/** The member behind an approval transition, for the audit chain. */
async function actorOf(principal: TeamPrincipal): Promise<ApprovalActor> {
  const { requestAddress } = await import('@/lib/team/client-address');
  return {
    memberId: principal.memberId,
    memberEmail: principal.memberEmail,
    ip: await requestAddress(),
  };
}

/**
 * Why a creation needs an admin's approval, in the words the member saw: the admin policy's hold
 * and every quota it would exceed, re-checked now rather than taken from the browser.
 */
async function approvalReason(
  ctx: ActionContext,
  principal: TeamPrincipal,
  launch: { cores: number; memory: number; disk_size: number; ip_mode: string },
): Promise<string> {
  const [{ getApprovalPolicy }, { policyHold }, { checkCreationQuota }, { QuotaExceededError }] =
    await Promise.all([
      import('@/lib/team/approvals/policy-store'),
      import('@/lib/team/approvals/policy'),
      import('@/lib/team/quotas/hooks'),
      import('@/lib/team/quotas/enforce'),
    ]);
  const hold = policyHold(await getApprovalPolicy(principal.workspaceId), principal.role, launch);
  try {
    await checkCreationQuota(ctx, {
      cores: launch.cores,
      memoryMb: launch.memory,
      diskMb: launch.disk_size,
      ipv4: launch.ip_mode === 'dual' ? 1 : 0,
      ipv6: 1,
    });
  } catch (err) {
    if (!(err instanceof QuotaExceededError)) throw err;
    return [hold, ...err.lines].filter(Boolean).join(' ');
  }
  return hold ?? 'Asked by the member.';
}

/** A template launch the quota refused, sent to the admins instead. */
export const requestApprovalAction = defineAction(
  launchSchema.extend({ note: z.string().trim().max(500).optional() }),
  async ({ template_id, hostname, note }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getTemplateStore }, { getApprovalStore }] = await Promise.all([
      import('@/lib/team/templates/template-store'),
      import('@/lib/team/approvals/approval-store'),
    ]);
    const template = await (await getTemplateStore()).get(principal.workspaceId, template_id);
    if (!template) throw new ActionError('This template no longer exists.');
    if (!mayLaunch(principal.role, template.roles)) {
      throw new ActionError('This template is not open to your role.');
    }
    const { spec } = template;
    const why = await approvalReason(ctx, principal, spec);
    const id = await (
      await getApprovalStore()
    ).create(
      principal.workspaceId,
      {
        requestedBy: principal.memberId,
        requesterEmail: principal.memberEmail,
        action: 'template.launch',
        params: { template_id, template_name: template.name, hostname, note: note ?? '' },
        why,
      },
      await actorOf(principal),
    );
    revalidatePath('/team/approvals');
    return { id };
  },
  { permission: 'approval.request' },
);

/** The workspace's key sealing a held creation's root password (never stored in clear). */
async function passwordSealer(workspaceId: string) {
  const [{ getEnv }, { parseEncryptionKey, encryptSecret, decryptSecret }, { passwordAad }] =
    await Promise.all([
      import('@/lib/env'),
      import('@/lib/team/crypto'),
      import('@/lib/team/approvals/vm-create-request'),
    ]);
  const key = parseEncryptionKey(getEnv().portalEncryptionKey);
  const aad = passwordAad(workspaceId);
  return {
    seal: (password: string) => encryptSecret(key, password, aad),
    unseal: (sealed: string) => decryptSecret(key, sealed, aad),
  };
}

/** A wizard creation the quota or the policy refused, sent to the admins instead. */
export const requestVmCreateApprovalAction = defineAction(
  createVmSchema,
  async (input, ctx) => {
    const principal = teamOf(ctx);
    const [{ getApprovalStore }, { toVmCreateParams, VmCreateRequestError, VM_CREATE_ACTION }] =
      await Promise.all([
        import('@/lib/team/approvals/approval-store'),
        import('@/lib/team/approvals/vm-create-request'),
      ]);
    const { seal } = await passwordSealer(principal.workspaceId);
    let params;
    try {
      params = toVmCreateParams(input, seal);
    } catch (err) {
      if (err instanceof VmCreateRequestError) throw new ActionError(err.message);
      throw err;
    }
    const why = await approvalReason(ctx, principal, input);
    const id = await (
      await getApprovalStore()
    ).create(
      principal.workspaceId,
      {
        requestedBy: principal.memberId,
        requesterEmail: principal.memberEmail,
        action: VM_CREATE_ACTION,
        params,
        why,
      },
      await actorOf(principal),
    );
    revalidatePath('/team/approvals');
    return { id };
  },
  // The password is sealed in the request and never written to the audit log.
  { permission: 'approval.request', audit: { redact: ['password'] } },
);

const decideSchema = z.object({
  request_id: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(3, 'Give a reason for the decision.').max(500),
});

const launchParams = z.object({ template_id: z.uuid(), hostname: z.string() });

/** Runs an approved template launch (quota bypassed: that is what the approval is for). */
async function runTemplateLaunch(ctx: ActionContext, workspaceId: string, raw: unknown) {
  const [{ getTemplateStore }, { launchTemplate }] = await Promise.all([
    import('@/lib/team/templates/template-store'),
    import('@/lib/team/templates/launch'),
  ]);
  const params = launchParams.parse(raw);
  const template = await (await getTemplateStore()).get(workspaceId, params.template_id);
  if (!template) throw new ActionError('The template of this request no longer exists.');
  return launchTemplate(ctx.conn, template.spec, params.hostname);
}

/** Runs an approved wizard creation: the stored `create_from` call, password unsealed now. */
async function runVmCreate(ctx: ActionContext, workspaceId: string, raw: unknown) {
  const [{ toCreateFromCall }, { vmCreateFrom }] = await Promise.all([
    import('@/lib/team/approvals/vm-create-request'),
    import('@/lib/gandi'),
  ]);
  const { unseal } = await passwordSealer(workspaceId);
  const call = toCreateFromCall(raw, unseal);
  const operations = await vmCreateFrom(ctx.conn, call.vmSpec, call.diskSpec, call.srcDiskId);
  const vmId = operations.find((op) => op.vmId !== null)?.vmId ?? null;
  return { vmId, operations };
}

/**
 * An admin's decision. On approval the portal runs the request at once (quota bypassed: that is
 * what the approval is for) and the VM belongs to the requester; the audit entry of this action
 * carries the decision, its reason and the operations it started.
 */
export const decideApprovalAction = defineAction(
  decideSchema,
  async ({ request_id, decision, reason }, ctx) => {
    const principal = teamOf(ctx);
    const [{ getApprovalStore }, { getTeamStore }] = await Promise.all([
      import('@/lib/team/approvals/approval-store'),
      import('@/lib/team/runtime'),
    ]);
    const approvals = await getApprovalStore();
    const by = { by: principal.memberId, role: principal.role, reason };
    const actor = await actorOf(principal);
    const decided = await approvals.apply(
      principal.workspaceId,
      request_id,
      { type: decision, ...by },
      actor,
    );
    if (!decided.ok) throw new ActionError(decided.message);
    revalidatePath('/team/approvals');
    if (decision === 'reject') return { id: request_id, state: 'rejected', operations: [] };

    const started = await approvals.apply(
      principal.workspaceId,
      request_id,
      { type: 'execute' },
      actor,
    );
    if (!started.ok) throw new ActionError(started.message);
    const request = started.request;
    try {
      const launched =
        request.action === 'vm.create'
          ? await runVmCreate(ctx, principal.workspaceId, request.params)
          : await runTemplateLaunch(ctx, principal.workspaceId, request.params);
      const ids = launched.operations.map((op) => op.id);
      await approvals.apply(
        principal.workspaceId,
        request_id,
        { type: 'succeeded', operationIds: ids },
        actor,
      );
      // The requester owns what was created for them (and follows its operations).
      const team = await getTeamStore();
      for (const id of ids)
        await team.recordOwner(
          principal.workspaceId,
          { kind: 'operation', id },
          request.requestedBy,
        );
      if (launched.vmId)
        await team.recordOwner(
          principal.workspaceId,
          { kind: 'vm', id: launched.vmId },
          request.requestedBy,
        );
      return {
        id: request_id,
        state: 'done',
        vmId: launched.vmId,
        operations: launched.operations,
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : 'The request could not run.';
      await approvals.apply(principal.workspaceId, request_id, { type: 'failed', message }, actor);
      throw err;
    }
  },
  { permission: 'approval.decide' },
);
