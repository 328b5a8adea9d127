'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState } from 'react';
import { SentForApproval } from '@/components/team/sent-for-approval';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState } from '@/lib/action-state';
import { requestApprovalAction } from './actions';

/** Shown where a quota refused a launch: send the same launch to the admins instead. */
export function RequestApprovalForm({
  templateId,
  hostname,
}: {
  templateId: string;
  hostname: string;
}) {
  const [state, formAction] = useActionState(requestApprovalAction, idleState);
  if (state.status === 'ok') {
    return <SentForApproval />;
  }
  return (
    <ActionForm action={formAction} state={state} className="space-y-2" noValidate>
      <input type="hidden" name="template_id" value={templateId} />
      <input type="hidden" name="hostname" value={hostname} />
      <label className="block text-sm">
        <span className="font-medium">Note for the approver (optional)</span>
        <input
          name="note"
          maxLength={500}
          className="mt-1 w-full rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
        />
      </label>
      <ActionMessage state={state} includeFieldErrors />
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Ask for approval
      </SubmitButton>
    </ActionForm>
  );
}
