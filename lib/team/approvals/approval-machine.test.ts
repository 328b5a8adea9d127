import { describe, expect, it } from 'vitest';
import { isFinal, transition, type ApprovalEvent, type ApprovalRequest } from './approval-machine';

const pending: ApprovalRequest = {
  id: 'r1',
  requestedBy: 'member-1',
  state: 'pending',
  decidedBy: null,
  reason: null,
  operationIds: [],
  error: null,
};

function run(start: ApprovalRequest, ...events: ApprovalEvent[]) {
  let request = start;
  for (const event of events) {
    const next = transition(request, event);
    if (!next.ok) return next;
    request = next.request;
  }
  return { ok: true as const, request };
}

const approve = {
  type: 'approve',
  by: 'admin-1',
  role: 'admin',
  reason: 'Needed for the launch',
} as const;

describe('approval state machine', () => {
  it('pending → approved → executing → done, with the decider, reason and operations', () => {
    const result = run(
      pending,
      approve,
      { type: 'execute' },
      { type: 'succeeded', operationIds: [7, 8] },
    );
    expect(result).toEqual({
      ok: true,
      request: {
        ...pending,
        state: 'done',
        decidedBy: 'admin-1',
        reason: 'Needed for the launch',
        operationIds: [7, 8],
      },
    });
    expect(isFinal('done')).toBe(true);
  });

  it('an execution that fails ends failed with its message', () => {
    const result = run(
      pending,
      approve,
      { type: 'execute' },
      { type: 'failed', message: 'no credits' },
    );
    expect(result.ok && result.request).toMatchObject({ state: 'failed', error: 'no credits' });
  });

  it('rejected with a reason is final: it cannot be approved or executed later', () => {
    const rejected = run(pending, {
      type: 'reject',
      by: 'owner-1',
      role: 'owner',
      reason: 'Too big',
    });
    expect(rejected.ok && rejected.request.state).toBe('rejected');
    if (!rejected.ok) throw new Error('unreachable');
    expect(transition(rejected.request, approve)).toEqual({
      ok: false,
      message: 'This request is already rejected.',
    });
    expect(transition(rejected.request, { type: 'execute' }).ok).toBe(false);
  });

  it('only owners and admins decide, never on their own request, always with a reason', () => {
    expect(transition(pending, { ...approve, role: 'operator' })).toEqual({
      ok: false,
      message: 'Only an owner or an admin decides requests.',
    });
    expect(transition(pending, { ...approve, by: 'member-1' }).ok).toBe(false);
    expect(transition(pending, { ...approve, reason: '  ' })).toEqual({
      ok: false,
      message: 'Give a reason for the decision.',
    });
  });

  it('runs once: a second execute is refused; only the requester cancels, only while pending', () => {
    const executing = run(pending, approve, { type: 'execute' });
    if (!executing.ok) throw new Error('unreachable');
    expect(transition(executing.request, { type: 'execute' }).ok).toBe(false);
    expect(transition(pending, { type: 'execute' }).ok).toBe(false);
    expect(transition(pending, { type: 'cancel', by: 'someone-else' }).ok).toBe(false);
    const cancelled = transition(pending, { type: 'cancel', by: 'member-1' });
    expect(cancelled.ok && cancelled.request.state).toBe('cancelled');
    expect(transition(executing.request, { type: 'cancel', by: 'member-1' }).ok).toBe(false);
  });

  it('a request in steps records its first operations and stays executing until its end', () => {
    const executing = run(pending, approve, { type: 'execute' });
    if (!executing.ok) throw new Error('unreachable');
    const stopped = transition(executing.request, { type: 'progress', operationIds: [41] });
    expect(stopped.ok && stopped.request).toMatchObject({ state: 'executing', operationIds: [41] });
    if (!stopped.ok) throw new Error('unreachable');
    const done = transition(stopped.request, { type: 'succeeded', operationIds: [41, 42] });
    expect(done.ok && done.request).toMatchObject({ state: 'done', operationIds: [41, 42] });
    // Progress only while running: not before the approval, not after the end.
    expect(transition(pending, { type: 'progress', operationIds: [1] }).ok).toBe(false);
    if (!done.ok) throw new Error('unreachable');
    expect(transition(done.request, { type: 'progress', operationIds: [1] }).ok).toBe(false);
  });
});
