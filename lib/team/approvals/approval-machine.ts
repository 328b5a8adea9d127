/**
 * The life of an approval request (pure): a change over quota or marked by a policy becomes a
 * request; an admin approves or rejects it with a reason; an approved request is executed by the
 * portal once, and ends done or failed. Every transition names who made it and when, for the
 * audit log.
 */

export const APPROVAL_STATES = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'executing',
  'done',
  'failed',
] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export type ApprovalEvent =
  | { type: 'approve'; by: string; role: string; reason: string }
  | { type: 'reject'; by: string; role: string; reason: string }
  | { type: 'cancel'; by: string }
  | { type: 'execute' }
  /** A request that runs in steps (stop, then delete) records its first operations at once. */
  | { type: 'progress'; operationIds: number[] }
  | { type: 'succeeded'; operationIds: number[] }
  | { type: 'failed'; message: string };

export interface ApprovalRequest {
  id: string;
  requestedBy: string;
  state: ApprovalState;
  decidedBy: string | null;
  reason: string | null;
  operationIds: number[];
  error: string | null;
}

export type Transition = { ok: true; request: ApprovalRequest } | { ok: false; message: string };

const DECIDERS = new Set(['owner', 'admin']);
export const REASON_MIN = 3;

/** Applies `event`, or says why it is not allowed from the current state. */
export function transition(request: ApprovalRequest, event: ApprovalEvent): Transition {
  const refuse = (message: string): Transition => ({ ok: false, message });
  switch (event.type) {
    case 'approve':
    case 'reject': {
      if (request.state !== 'pending') return refuse(`This request is already ${request.state}.`);
      if (!DECIDERS.has(event.role)) return refuse('Only an owner or an admin decides requests.');
      if (event.by === request.requestedBy)
        return refuse('A request is decided by someone other than its requester.');
      if (event.reason.trim().length < REASON_MIN) return refuse('Give a reason for the decision.');
      return {
        ok: true,
        request: {
          ...request,
          state: event.type === 'approve' ? 'approved' : 'rejected',
          decidedBy: event.by,
          reason: event.reason.trim(),
        },
      };
    }
    case 'cancel':
      if (request.state !== 'pending') return refuse(`This request is already ${request.state}.`);
      if (event.by !== request.requestedBy) return refuse('Only the requester cancels a request.');
      return { ok: true, request: { ...request, state: 'cancelled' } };
    case 'execute':
      // Once only: a second click or a second server finds it executing already.
      if (request.state !== 'approved')
        return refuse(`Only an approved request runs; this one is ${request.state}.`);
      return { ok: true, request: { ...request, state: 'executing' } };
    case 'progress':
      if (request.state !== 'executing') return refuse('This request is not running.');
      return { ok: true, request: { ...request, operationIds: [...event.operationIds] } };
    case 'succeeded':
      if (request.state !== 'executing') return refuse('This request is not running.');
      return {
        ok: true,
        request: { ...request, state: 'done', operationIds: [...event.operationIds] },
      };
    case 'failed':
      if (request.state !== 'executing') return refuse('This request is not running.');
      return { ok: true, request: { ...request, state: 'failed', error: event.message } };
  }
}

export function isFinal(state: ApprovalState): boolean {
  return state === 'rejected' || state === 'cancelled' || state === 'done' || state === 'failed';
}

/** How long one step of a running request may wait for its operations (a stop, a creation). */
export const STEP_TIMEOUT_MS = 15 * 60 * 1000;
