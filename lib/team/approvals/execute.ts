import 'server-only';
import { ActionError } from '@/lib/action';
import { userMessage, GandiError, waitForOperations, type GandiConnection } from '@/lib/gandi';
import type { TeamStore } from '../store/team-store';
import { recordOwnedOperations } from '../guard';
import type { ApprovalActor } from './approval-audit';
import { STEP_TIMEOUT_MS } from './approval-machine';
import type { ApprovalStore, StoredApproval } from './approval-store';
import { approvalKind, type RegisteredKind, type RequestRun, type RunContext } from './kinds';

export interface ExecuteDeps {
  approvals: ApprovalStore;
  team: Pick<TeamStore, 'recordOwner'>;
  conn: GandiConnection;
  workspaceId: string;
  actor: ApprovalActor;
  /**
   * The connection the request runs with: gated for its requester (`requesterConnection`), the
   * stored call decided again by the gate first (it throws when the gate refuses it now).
   */
  gateFor: (request: StoredApproval) => Promise<GandiConnection>;
  /** How long a later step waits for the operations before it (a stop, a creation). */
  stepTimeoutMs?: number;
  pollIntervalMs?: number;
}

/** What the durable job of an approved request holds: ids only, never a key. */
export interface Continuation {
  workspaceId: string;
  requestId: string;
  actor: ApprovalActor;
}

/**
 * The job's checkpoint: the operations started so far, and `sending` while a step's call may be in
 * flight (a replica that died then cannot know whether it ran; see `resumeFrom`).
 */
export interface ApprovalCheckpoint {
  operationIds: number[];
  sending?: boolean;
}

/** How a run is hosted by its durable job (absent: run in this process, nothing recorded). */
export interface JobHost {
  recorded: ApprovalCheckpoint | null;
  record: (checkpoint: ApprovalCheckpoint) => Promise<void>;
  /** Aborted when the job is given back (lease lost, replica draining): not a failure. */
  signal?: AbortSignal;
}

const formatWait = (ms: number) =>
  ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} seconds`;

function failureMessage(err: unknown): string {
  if (err instanceof GandiError) return userMessage(err);
  if (err instanceof ActionError) return err.message;
  return 'The request could not run.';
}

/** A step's call was in flight when the replica running it died, and nothing says if it ran. */
export const UNKNOWN_OUTCOME_MESSAGE =
  'The portal stopped while sending this request and cannot tell whether it ran: check and redo it by hand if it did not.';

const NOWHERE: JobHost = { recorded: null, record: async () => undefined };

/**
 * Runs an approved request to its end (the durable job's body, on any replica, also one taking
 * over after the replica that started it died): it starts once (the store's compare-and-set makes
 * a second run lose), the requester owns its operations (and what it creates), each step is
 * recorded as it starts, and a request found executing goes on from what was recorded and the
 * upstream state (`resumeFrom`). Its end (done, or failed with why) goes to the request and the
 * audit chain; a failure is also thrown.
 */
export async function executeApproved(
  deps: ExecuteDeps,
  requestId: string,
  host: JobHost = NOWHERE,
): Promise<{ request: StoredApproval; operations: { id: number }[] }> {
  const { approvals, workspaceId, actor } = deps;
  let request = await approvals.get(workspaceId, requestId);
  if (!request) throw new ActionError('This request no longer exists.');
  // Only the job resumes: a run in this process never takes over one already executing.
  const resuming = request.state === 'executing' && host !== NOWHERE;
  if (!resuming) {
    const started = await approvals.apply(workspaceId, requestId, { type: 'execute' }, actor);
    if (!started.ok) throw new ActionError(started.message);
    request = started.request;
  }
  const running = request;
  let operations: { id: number }[] = [];
  try {
    const kind = approvalKind(running.action);
    if (!kind) throw new ActionError(`This portal cannot run “${running.action}”.`);
    const ctx: RunContext = {
      conn: await deps.gateFor(running),
      workspaceId,
      call: running.call,
    };
    const recorded = host.recorded?.operationIds ?? running.operationIds;
    let step: RequestRun;
    let doneSoFar: number[] = [];
    if (resuming && (recorded.length > 0 || host.recorded?.sending)) {
      doneSoFar = recorded;
      step = await resumeFrom(deps, host, kind, running, ctx, recorded);
    } else {
      // Marked before sending: a replica taking over then knows the call may have gone out.
      await host.record({ operationIds: [], sending: true });
      host.signal?.throwIfAborted();
      step = await kind.run(running.params, ctx);
    }
    operations = step.operations;
    const finished = await runSteps(deps, host, kind, running, doneSoFar, step);
    return { request: finished, operations };
  } catch (err) {
    if (host.signal?.aborted) throw err;
    await approvals.apply(
      workspaceId,
      requestId,
      { type: 'failed', message: failureMessage(err) },
      actor,
    );
    throw err;
  }
}

/**
 * The next step of a request found executing, from what was recorded and the upstream state: a
 * kind in steps derives it (`resume`: a step that may have run is looked up upstream first); a
 * one-step kind whose operations were recorded is done; one whose call was in flight unrecorded
 * cannot be told apart from one that never ran, and says so.
 */
async function resumeFrom(
  deps: ExecuteDeps,
  host: JobHost,
  kind: RegisteredKind,
  request: StoredApproval,
  ctx: RunContext,
  recorded: number[],
): Promise<RequestRun> {
  if (kind.resume) {
    // What was recorded ends first (a stop, a creation), as it would have without the crash.
    if (recorded.length > 0) await waitForStep(deps, host, recorded);
    // The next call may go out now: marked, like any step's.
    await host.record({ operationIds: recorded, sending: true });
    host.signal?.throwIfAborted();
    return kind.resume(request.params, { ...ctx, operationIds: recorded });
  }
  if (recorded.length > 0) return { operations: [] };
  throw new ActionError(UNKNOWN_OUTCOME_MESSAGE);
}

/** Owns and records `step`, waits for it when more follows, and so on to the request's end. */
async function runSteps(
  deps: ExecuteDeps,
  host: JobHost,
  kind: RegisteredKind,
  request: StoredApproval,
  doneSoFar: number[],
  step: RequestRun,
): Promise<StoredApproval> {
  const { approvals, workspaceId, actor } = deps;
  await own(deps, kind, request, step.operations);
  const ids = [...new Set([...doneSoFar, ...step.operations.map((op) => op.id)])];
  await host.record({ operationIds: ids });
  if (!step.afterDone) {
    const done = await approvals.apply(
      workspaceId,
      request.id,
      { type: 'succeeded', operationIds: ids },
      actor,
    );
    if (!done.ok) throw new ActionError(done.message);
    return done.request;
  }
  await approvals.apply(workspaceId, request.id, { type: 'progress', operationIds: ids }, actor);
  await waitForStep(deps, host, ids);
  await host.record({ operationIds: ids, sending: true });
  host.signal?.throwIfAborted();
  return runSteps(deps, host, kind, request, ids, await step.afterDone());
}

/** Waits for a step's operations; one that did not end DONE stops the request there. */
async function waitForStep(deps: ExecuteDeps, host: JobHost, ids: number[]): Promise<void> {
  const timeoutMs = deps.stepTimeoutMs ?? STEP_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = host.signal ? AbortSignal.any([timeout, host.signal]) : timeout;
  const finals = await waitForOperations(deps.conn, ids, {
    signal,
    intervalMs: deps.pollIntervalMs ?? 2_000,
  }).catch((err: unknown) => {
    if (!timeout.aborted) throw err;
    throw new ActionError(
      `Operations ${ids.map((id) => `#${id}`).join(', ')} had not ended after ${formatWait(timeoutMs)}; the rest was not run.`,
    );
  });
  const unfinished = finals.find((op) => op.step !== 'DONE');
  if (unfinished) {
    const why = unfinished.lastError ? `: ${unfinished.lastError}` : '';
    throw new ActionError(
      `Operation #${unfinished.id} ended ${unfinished.step}${why}; the rest was not run.`,
    );
  }
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
