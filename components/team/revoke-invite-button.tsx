'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { idleState } from '@/lib/action-state';
import { revokeInviteAction } from '@/lib/team/actions/members';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormMessage } from './form-message';

export function RevokeInviteButton({ inviteId, email }: { inviteId: string; email: string }) {
  const [state, formAction] = useActionState(revokeInviteAction, idleState);
  return (
    <ActionForm action={formAction} state={state} className="flex items-center gap-2">
      <input type="hidden" name="invite_id" value={inviteId} />
      <SubmitButton
        size="sm"
        variant="secondary"
        aria-label={`Withdraw the invitation of ${email}`}
      >
        Withdraw
      </SubmitButton>
      <FormMessage state={state} />
    </ActionForm>
  );
}
