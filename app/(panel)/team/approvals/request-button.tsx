'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/action-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState, type ActionState } from '@/lib/action-state';
import type { ApprovalState } from '@/lib/team/approvals/approval-machine';

type Moved = { id: string; state: ApprovalState };
type RequestAction = (prev: ActionState<Moved>, formData: FormData) => Promise<ActionState<Moved>>;

/**
 * One button that moves a request (the requester withdraws it);
 * who may, and from which state, the server checks again.
 */
export function RequestButton({
  requestId,
  action,
  label,
  pendingLabel,
}: {
  requestId: string;
  action: RequestAction;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <ActionForm action={formAction} state={state} className="space-y-1" noValidate>
      <input type="hidden" name="request_id" value={requestId} />
      <ActionMessage state={state} includeFieldErrors />
      <SubmitButton variant="secondary" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
