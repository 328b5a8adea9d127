import 'server-only';
import { findEndpoint } from '@/lib/endpoints';
import type { Job } from './job-queue';
import type { JobContext } from './job-runner';

/** The durable job of an approved request in steps (see lib/team/approvals/execute.ts). */
export const APPROVAL_CONTINUE = 'approval.continue';

interface Checkpoint {
  operationIds: number[];
}

/**
 * Finishes an approved request on whichever replica claimed the job: the workspace's key is read
 * from the storage (never from the job row, which holds ids only), the recorded operations are
 * waited for, and each later step is recorded as it starts.
 */
export async function runApprovalJob(job: Job, ctx: JobContext): Promise<void> {
  const [{ getApprovalStore }, { getTeamStore }, { continueApproved }, { requesterConnection }] =
    await Promise.all([
      import('@/lib/team/approvals/approval-store'),
      import('@/lib/team/runtime'),
      import('@/lib/team/approvals/execute'),
      import('@/lib/team/gate/requester-connection'),
    ]);
  const continuation = job.payload as import('@/lib/team/approvals/execute').Continuation;
  const recorded = job.checkpoint as Checkpoint | null;
  const team = await getTeamStore();
  const workspace = await team.getWorkspace(continuation.workspaceId);
  const endpoint = workspace ? findEndpoint(workspace.endpoint_id) : undefined;
  if (!workspace || !endpoint) throw new Error('The workspace of this request is gone.');
  const conn = { endpoint: endpoint.url, apiKey: await team.workspaceApiKey(workspace.id) };
  await continueApproved(
    {
      approvals: await getApprovalStore(),
      team,
      conn,
      workspaceId: workspace.id,
      actor: continuation.actor,
      gateFor: (request) => requesterConnection(conn, workspace.id, request),
    },
    { ...continuation, operationIds: recorded?.operationIds ?? continuation.operationIds },
    (operationIds) => ctx.checkpoint({ operationIds } satisfies Checkpoint),
  );
}
