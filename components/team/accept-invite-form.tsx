'use client';

import { useActionState } from 'react';
import { fieldError, idleState } from '@/lib/action-state';
import { acceptInviteAction } from '@/lib/team/actions/invite';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/input';
import { FormMessage } from './form-message';

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(acceptInviteAction, idleState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        required
        error={fieldError(state, 'password')}
      />
      <TextField
        name="confirm"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError(state, 'confirm')}
      />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join the workspace
      </SubmitButton>
    </form>
  );
}
