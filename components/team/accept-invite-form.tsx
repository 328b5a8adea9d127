'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { idleState } from '@/lib/action-state';
import { acceptInviteAction } from '@/lib/team/actions/invite';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormMessage } from './form-message';
import { NewPasswordFields } from './new-password-fields';

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(acceptInviteAction, idleState);
  return (
    <ActionForm action={formAction} state={state} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields label="Choose a password" state={state} />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join the workspace
      </SubmitButton>
    </ActionForm>
  );
}
