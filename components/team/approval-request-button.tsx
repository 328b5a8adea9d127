'use client';

import { ActionMessage } from '@/components/ui/action-message';
import { startTransition, useActionState } from 'react';
import { SentForApproval } from '@/components/team/sent-for-approval';
import { Button } from '@/components/ui/button';
import { idleState, type ActionState } from '@/lib/action-state';

/** Whether a refusal may be sent to the team's admins instead (over quota, held by the policy). */
export function offersApproval(message: string | undefined): boolean {
  return (
    message?.startsWith('Over quota') === true || message?.startsWith('Needs approval') === true
  );
}

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
  if (state.status === 'ok') return <SentForApproval />;
  return (
    <div className="space-y-2">
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
