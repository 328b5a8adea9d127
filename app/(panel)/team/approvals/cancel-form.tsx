'use client';

import { ActionMessage } from '@/components/ui/action-message';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState } from '@/lib/action-state';
import { cancelApprovalAction } from './actions';

/** The requester withdraws their pending request (only they may; the server checks again). */
export function CancelRequestForm({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(cancelApprovalAction, idleState);
  return (
    <form action={formAction} className="space-y-1" noValidate>
      <input type="hidden" name="request_id" value={requestId} />
      <ActionMessage state={state} includeFieldErrors />
      <SubmitButton variant="secondary" pendingLabel="Withdrawing…">
        Withdraw request
      </SubmitButton>
    </form>
  );
}
