import 'server-only';
import { findEndpoint } from '@/lib/endpoints';
import type { ApprovalCheckpoint, Continuation } from '@/lib/team/approvals/execute';
import type { Job } from './job-queue';
import type { JobContext } from './job-runner';

/** The durable job of an approved request (see lib/team/approvals/execute.ts). */
export const APPROVAL_CONTINUE = 'approval.continue';

/**
 * Runs an approved request — every kind, from its first step — on whichever replica claimed the
 * job, and finishes it on another after a crash: the workspace's key is read from the storage
 * (never from the job row, which holds ids only), each step is recorded as it starts, and a
 * request found executing goes on from that record and the upstream state.
 */
export async function runApprovalJob(job: Job, ctx: JobContext): Promise<void> {
  const [{ getApprovalStore }, { getTeamStore }, { executeApproved }, { requesterConnection }] =
    await Promise.all([
      import('@/lib/team/approvals/approval-store'),
      import('@/lib/team/runtime'),
      import('@/lib/team/approvals/execute'),
      import('@/lib/team/gate/requester-connection'),
    ]);
  const continuation = job.payload as Continuation;
  const recorded = job.checkpoint as ApprovalCheckpoint | null;
  const team = await getTeamStore();
  const approvals = await getApprovalStore();
  const workspace = await team.getWorkspace(continuation.workspaceId);
  const endpoint = workspace ? findEndpoint(workspace.endpoint_id) : undefined;
  if (!workspace || !endpoint) throw new Error('The workspace of this request is gone.');
  const request = await approvals.get(workspace.id, continuation.requestId);
  // Already at its end (or never approved): nothing to do.
  if (!request || (request.state !== 'approved' && request.state !== 'executing')) return;
  const conn = { endpoint: endpoint.url, apiKey: await team.workspaceApiKey(workspace.id) };
  try {
    await executeApproved(
      {
        approvals,
        team,
        conn,
        workspaceId: workspace.id,
        actor: continuation.actor,
        gateFor: (stored) => requesterConnection(conn, workspace.id, stored),
      },
      request.id,
      { recorded, record: (checkpoint) => ctx.checkpoint(checkpoint), signal: ctx.signal },
    );
  } catch (err) {
    // Given back (lease lost, draining): the next owner goes on. Otherwise the request records
    // why it failed; the job itself did its work.
    if (ctx.signal.aborted) throw err;
    const after = await approvals.get(workspace.id, request.id);
    if (after?.state !== 'failed') throw err;
  }
}

/**
 * Queues the job of a request just approved and waits a little for its first step (it usually
 * runs at once on this replica), so the decision's answer says how it went; a slower start is
 * followed on the page. A request that failed at once throws its reason, for the form.
 */
export async function startApprovalJob(
  continuation: Continuation,
  options: { waitMs?: number; pollMs?: number } = {},
) {
  const [{ enqueueJob }, { getApprovalStore }, { ActionError }] = await Promise.all([
    import('./runtime'),
    import('@/lib/team/approvals/approval-store'),
    import('@/lib/action'),
  ]);
  await enqueueJob(APPROVAL_CONTINUE, continuation, `approval:${continuation.requestId}`);
  const approvals = await getApprovalStore();
  const deadline = Date.now() + (options.waitMs ?? 5_000);
  for (;;) {
    const request = await approvals.get(continuation.workspaceId, continuation.requestId);
    if (!request) throw new ActionError('This request no longer exists.');
    if (request.state === 'failed') throw new ActionError(request.error ?? 'The request failed.');
    const started =
      request.state === 'done' ||
      (request.state === 'executing' && request.operationIds.length > 0);
    if (started || Date.now() >= deadline) return request;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}

/**
 * Queues the job of every approved request that has none (the replica that approved one died
 * before queueing it): queueing is idempotent per request, so this is safe on every view.
 */
export async function ensureApprovalJobs(
  workspaceId: string,
  requests: readonly { id: string; state: string; decidedBy: string | null }[],
): Promise<void> {
  const approved = requests.filter((request) => request.state === 'approved');
  if (approved.length === 0) return;
  const { enqueueJob } = await import('./runtime');
  for (const request of approved) {
    const actor = { memberId: request.decidedBy, memberEmail: null, ip: null };
    await enqueueJob(
      APPROVAL_CONTINUE,
      { workspaceId, requestId: request.id, actor } satisfies Continuation,
      `approval:${request.id}`,
    );
  }
}
