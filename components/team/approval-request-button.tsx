'use client';

import { ActionMessage } from '@/components/ui/action-message';
import { startTransition, useActionState, useId } from 'react';
import { SentForApproval } from '@/components/team/sent-for-approval';
import { Button } from '@/components/ui/button';
import { controlClasses } from '@/components/ui/input';
import { idleState, offersApproval, type ActionState } from '@/lib/action-state';

export { offersApproval };

/** The requester's own words for the approver (the request action reads `request_note`). */
export const REQUEST_NOTE_FIELD = 'request_note';

type RequestAction = (
  prev: ActionState<{ id: string }>,
  formData: FormData,
) => Promise<ActionState<{ id: string }>>;

/**
 * Inside the form a quota refused: sends the same fields to `action` (a request action of
 * app/(panel)/team/approvals), which files them for an admin instead of creating anything.
 */
export function ApprovalRequestButton({ action }: { action: RequestAction }) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const noteId = useId();
  if (state.status === 'ok') return <SentForApproval />;
  return (
    <div className="space-y-2">
      <div className="space-y-1">
        <label htmlFor={noteId} className="block text-sm font-medium">
          Note for the approver (optional)
        </label>
        <textarea
          id={noteId}
          name={REQUEST_NOTE_FIELD}
          rows={2}
          maxLength={500}
          className={controlClasses}
        />
      </div>
      <ActionMessage state={state} includeFieldErrors />
      <Button
        variant="secondary"
        disabled={pending}
        onClick={(event) => {
          // The enclosing form's fields, sent without submitting it (so nothing in it is reset).
          const form = event.currentTarget.form;
          if (!form) return;
          const formData = new FormData(form);
          startTransition(() => formAction(formData));
        }}
      >
        {pending ? 'Sending…' : 'Ask for approval'}
      </Button>
    </div>
  );
}
