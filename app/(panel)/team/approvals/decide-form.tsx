'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import { decideApprovalAction } from './actions';

/** Approve (the portal then runs it) or reject, always with a reason. */
export function DecideForm({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(decideApprovalAction, idleState);
  const reasonId = `reason-${requestId}`;
  return (
    <ActionForm action={formAction} state={state} className="space-y-2" noValidate>
      <input type="hidden" name="request_id" value={requestId} />
      <label htmlFor={reasonId} className="block text-sm font-medium">
        Reason
      </label>
      <textarea
        id={reasonId}
        name="reason"
        rows={2}
        className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-600 dark:bg-zinc-900"
      />
      {fieldError(state, 'reason') ? (
        <p className="text-sm text-red-700 dark:text-red-400">{fieldError(state, 'reason')}</p>
      ) : null}
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
