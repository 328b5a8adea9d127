import type { Metadata } from 'next';
import { OperationProgress } from '@/components/operations/operation-progress';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { PagePoller } from '@/components/ui/page-poller';
import { ensureApprovalJobs } from '@/lib/jobs/approval-job';
import type { ApprovalState } from '@/lib/team/approvals/approval-machine';
import { getApprovalStore, LIST_LIMIT } from '@/lib/team/approvals/approval-store';
import { describeRequest } from '@/lib/team/approvals/kinds';
import { loadCallNames } from '@/lib/team/gate/call-names';
import { describeCall } from '@/lib/team/gate/describe-call';
import { requireTeamPermission } from '@/lib/team/page-access';
import { decide } from '@/lib/team/roles';
import { cancelApprovalAction } from './actions';
import { DecideForm } from './decide-form';
import { RequestButton } from './request-button';

export const metadata: Metadata = { title: 'Approvals' };

const TONE: Record<ApprovalState, BadgeTone> = {
  pending: 'warning',
  approved: 'info',
  executing: 'info',
  done: 'success',
  rejected: 'danger',
  failed: 'danger',
  cancelled: 'neutral',
};

export default async function ApprovalsPage() {
  const { principal, session } = await requireTeamPermission('approval.read');
  const decides = decide(principal.role, 'approval.decide') === 'allow';
  const store = await getApprovalStore();
  // Deciders see every request; members see their own.
  const requests = await store.list(
    principal.workspaceId,
    decides ? undefined : principal.memberId,
  );
  // What each request will run, in words from its stored call, with the current names of what it
  // names (the source of a copy above all): what the admin approves is what runs.
  const callNames = await loadCallNames(
    session.conn,
    requests.flatMap((r) => (r.state === 'pending' && r.call ? [r.call] : [])),
  );
  // Approved requests run as durable jobs: any replica finishes them, also after a crash, so the
  // page follows them until they end.
  await ensureApprovalJobs(principal.workspaceId, requests);
  const executing = requests.filter((r) => r.state === 'executing' || r.state === 'approved');
  return (
    <>
      {executing.length > 0 ? (
        <PagePoller key={executing.map((request) => request.operationIds.join(',')).join(';')} />
      ) : null}
      <PageHeader
        title="Approvals"
        description="Changes over quota or held by the policy wait here for an owner or admin; approved ones run at once. Open requests come first."
      />
      {requests.length === LIST_LIMIT ? (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Open requests first, then the latest decided ones: {LIST_LIMIT} shown. Older decisions are
          in the audit log.
        </p>
      ) : null}
      {requests.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No request.</p>
      ) : (
        <ul className="space-y-4">
          {requests.map((request) => (
            <li key={request.id}>
              <section
                aria-label={`Request: ${describeRequest(request.action, request.params)}`}
                className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-base font-semibold">
                    {describeRequest(request.action, request.params)}
                  </h2>
                  <Badge tone={TONE[request.state]}>{request.state}</Badge>
                </div>
                {request.call ? (
                  <p className="text-sm text-zinc-700 dark:text-zinc-300">
                    Will run: {describeCall(request.call, callNames)}
                  </p>
                ) : null}
                <p className="text-sm text-zinc-700 dark:text-zinc-300">
                  Asked by {request.requesterEmail} · {request.why}
                </p>
                {request.reason ? (
                  <p className="text-sm">
                    Decision reason: <q>{request.reason}</q>
                  </p>
                ) : null}
                {request.error ? (
                  <p className="text-sm text-red-700 dark:text-red-400">{request.error}</p>
                ) : null}
                {request.operationIds.length > 0 ? (
                  <OperationProgress
                    key={request.operationIds.join(',')}
                    title="Operations"
                    ids={request.operationIds}
                    refreshOnDone={false}
                    startedHere={request.requestedBy === principal.memberId}
                  />
                ) : null}
                {decides &&
                request.state === 'pending' &&
                request.requestedBy !== principal.memberId ? (
                  <DecideForm requestId={request.id} />
                ) : null}
                {request.state === 'pending' && request.requestedBy === principal.memberId ? (
                  <RequestButton
                    requestId={request.id}
                    action={cancelApprovalAction}
                    label="Withdraw request"
                    pendingLabel="Withdrawing…"
                  />
                ) : null}
              </section>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
