'use client';

import { ActionMessage } from '@/components/ui/action-message';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState } from '@/lib/action-state';
import { closeStalledApprovalAction } from './actions';

/** For an admin: close a request that stalled while running (the server checks it did). */
export function CloseStalledForm({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(closeStalledApprovalAction, idleState);
  return (
    <form action={formAction} className="space-y-1" noValidate>
      <input type="hidden" name="request_id" value={requestId} />
      <ActionMessage state={state} includeFieldErrors />
      <SubmitButton variant="secondary" pendingLabel="Closing…">
        Close as failed
      </SubmitButton>
    </form>
  );
}
