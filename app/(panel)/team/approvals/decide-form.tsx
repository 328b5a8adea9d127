'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState, useState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import { decideApprovalAction } from './actions';

export const DECISION_REASON_MISSING = 'Give a reason: it is recorded with the decision.';

/**
 * Approve (the portal then runs it) or reject, always with a reason — marked as required and
 * checked here first, so an empty reason is not sent (the server still refuses one).
 */
export function DecideForm({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(decideApprovalAction, idleState);
  const [missing, setMissing] = useState(false);
  const reasonId = `reason-${requestId}`;
  const errorId = `${reasonId}-error`;
  const error = missing ? DECISION_REASON_MISSING : fieldError(state, 'reason');
  return (
    <ActionForm
      action={formAction}
      state={state}
      className="space-y-2"
      noValidate
      onSubmit={(event) => {
        const reason = new FormData(event.currentTarget).get('reason');
        if (typeof reason === 'string' && reason.trim() !== '') return;
        event.preventDefault();
        setMissing(true);
      }}
    >
      <input type="hidden" name="request_id" value={requestId} />
      <label htmlFor={reasonId} className="block text-sm font-medium">
        Reason (required)
      </label>
      <textarea
        id={reasonId}
        name="reason"
        rows={2}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        onChange={(event) => {
          if (event.target.value.trim() !== '') setMissing(false);
        }}
        className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm aria-invalid:border-red-600 dark:border-zinc-600 dark:bg-zinc-900"
      />
      <p id={errorId} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
      <ActionMessage state={state} />
      <div className="flex gap-2">
        <SubmitButton name="decision" value="approve" pendingLabel="Approving…">
          Approve and run
        </SubmitButton>
        <SubmitButton name="decision" value="reject" variant="secondary" pendingLabel="Rejecting…">
          Reject
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
