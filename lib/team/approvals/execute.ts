import 'server-only';
import { ActionError } from '@/lib/action';
import { userMessage, GandiError, waitForOperations, type GandiConnection } from '@/lib/gandi';
import type { TeamStore } from '../store/team-store';
import { recordOwnedOperations } from '../guard';
import type { ApprovalActor } from './approval-audit';
import { STEP_TIMEOUT_MS } from './approval-machine';
import type { ApprovalStore, StoredApproval } from './approval-store';
import { approvalKind, type RegisteredKind, type RequestRun } from './kinds';

export interface ExecuteDeps {
  approvals: ApprovalStore;
  team: Pick<TeamStore, 'recordOwner'>;
  conn: GandiConnection;
  workspaceId: string;
  actor: ApprovalActor;
  /**
   * Runs the later steps of a request (a delete after its stop) once the response is sent:
   * Next's `after` in the action, a collector in tests.
   */
  later: (task: () => Promise<void>) => void;
  /**
   * Runs the later steps of a kind that can resume as a durable job instead (any replica, also
   * after the one that started it dies). Absent: `later`.
   */
  durable?: (continuation: Continuation) => Promise<void>;
  /**
   * The connection the request runs with: gated for its requester (`requesterConnection`), the
   * stored call decided again by the gate first (it throws when the gate refuses it now).
   */
  gateFor: (request: StoredApproval) => Promise<GandiConnection>;
  /** How long a later step waits for the operations before it (a stop, a creation). */
  stepTimeoutMs?: number;
  pollIntervalMs?: number;
}

/** What a replica needs to finish a request in steps: the request and the operations so far. */
export interface Continuation {
  workspaceId: string;
  requestId: string;
  operationIds: number[];
  actor: ApprovalActor;
}

const formatWait = (ms: number) =>
  ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} seconds`;

function failureMessage(err: unknown): string {
  if (err instanceof GandiError) return userMessage(err);
  if (err instanceof ActionError) return err.message;
  return 'The request could not run.';
}

/**
 * Runs an approved request once (the store's compare-and-set makes a second run lose): the
 * requester owns its operations (and what it creates) and follows them live. A request in steps
 * records its first operations at once and finishes after the response; its end (done, or failed
 * with why) goes to the request and the audit chain either way.
 */
export async function executeApproved(
  deps: ExecuteDeps,
  requestId: string,
): Promise<{ request: StoredApproval; operations: { id: number }[] }> {
  const { approvals, workspaceId, actor } = deps;
  const started = await approvals.apply(workspaceId, requestId, { type: 'execute' }, actor);
  if (!started.ok) throw new ActionError(started.message);
  const request = started.request;
  const fail = async (err: unknown) => {
    await approvals.apply(
      workspaceId,
      requestId,
      { type: 'failed', message: failureMessage(err) },
      actor,
    );
  };
  const kind = approvalKind(request.action);
  let first: RequestRun;
  try {
    if (!kind) throw new ActionError(`This portal cannot run “${request.action}”.`);
    const conn = await deps.gateFor(request);
    first = await kind.run(request.params, { conn, workspaceId, call: request.call });
    await own(deps, kind, request, first.operations);
  } catch (err) {
    await fail(err);
    throw err;
  }
  const ids = first.operations.map((op) => op.id);
  if (!first.afterDone) {
    const done = await approvals.apply(
      workspaceId,
      requestId,
      { type: 'succeeded', operationIds: ids },
      actor,
    );
    return { request: done.ok ? done.request : request, operations: first.operations };
  }
  const progressed = await approvals.apply(
    workspaceId,
    requestId,
    { type: 'progress', operationIds: ids },
    actor,
  );
  const next = first.afterDone;
  if (deps.durable && kind.resume) {
    await deps.durable({ workspaceId, requestId, operationIds: ids, actor });
  } else deps.later(() => runLaterSteps(deps, kind, request, ids, next).catch(fail));
  return { request: progressed.ok ? progressed.request : request, operations: first.operations };
}

/**
 * Finishes a request in steps from what was recorded (the durable job's body, on any replica):
 * waits for the recorded operations, then derives the next step from the upstream state.
 * `record` keeps the operations started so far, for a replica that takes over after this one.
 */
export async function continueApproved(
  deps: Omit<ExecuteDeps, 'later' | 'durable'>,
  continuation: Continuation,
  record: (operationIds: number[]) => Promise<void>,
): Promise<void> {
  const { approvals, workspaceId } = deps;
  const request = await approvals.get(workspaceId, continuation.requestId);
  if (!request || request.state !== 'executing') return;
  const kind = approvalKind(request.action);
  const fail = (err: unknown) =>
    approvals.apply(
      workspaceId,
      request.id,
      { type: 'failed', message: failureMessage(err) },
      deps.actor,
    );
  try {
    if (!kind?.resume) throw new ActionError(`This portal cannot resume “${request.action}”.`);
    const resume = kind.resume;
    // Decided again by the gate, as the first step was: the job runs the same request, not a new one.
    const ctx = { conn: await deps.gateFor(request), workspaceId, call: request.call };
    await runLaterSteps(
      { ...deps, later: () => undefined, onStep: record },
      kind,
      request,
      continuation.operationIds,
      () => resume(request.params, ctx),
    );
  } catch (err) {
    await fail(err);
  }
}

async function runLaterSteps(
  deps: ExecuteDeps & { onStep?: (operationIds: number[]) => Promise<void> },
  kind: RegisteredKind,
  request: StoredApproval,
  doneSoFar: number[],
  next: () => Promise<RequestRun>,
): Promise<void> {
  const { approvals, workspaceId, actor } = deps;
  const timeoutMs = deps.stepTimeoutMs ?? STEP_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const finals = await waitForOperations(deps.conn, doneSoFar, {
    signal,
    intervalMs: deps.pollIntervalMs ?? 2_000,
  }).catch((err: unknown) => {
    if (!signal.aborted) throw err;
    throw new ActionError(
      `Operations ${doneSoFar.map((id) => `#${id}`).join(', ')} had not ended after ${formatWait(timeoutMs)}; the rest was not run.`,
    );
  });
  const unfinished = finals.find((op) => op.step !== 'DONE');
  if (unfinished) {
    const why = unfinished.lastError ? `: ${unfinished.lastError}` : '';
    throw new ActionError(
      `Operation #${unfinished.id} ended ${unfinished.step}${why}; the rest was not run.`,
    );
  }
  const step = await next();
  await own(deps, kind, request, step.operations);
  const ids = [...doneSoFar, ...step.operations.map((op) => op.id)];
  await deps.onStep?.(ids);
  if (step.afterDone) {
    await approvals.apply(workspaceId, request.id, { type: 'progress', operationIds: ids }, actor);
    return runLaterSteps(deps, kind, request, ids, step.afterDone);
  }
  await approvals.apply(workspaceId, request.id, { type: 'succeeded', operationIds: ids }, actor);
}

function own(
  deps: ExecuteDeps,
  kind: RegisteredKind,
  request: StoredApproval,
  operations: readonly { id: number }[],
) {
  return recordOwnedOperations(deps.team, deps.conn, deps.workspaceId, request.requestedBy, {
    operations,
    creates: kind.creates,
  });
}
