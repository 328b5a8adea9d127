'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { fieldError, idleState } from '@/lib/action-state';
import { replaceKeyAction } from '@/lib/team/actions/workspace';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/input';
import { FormMessage } from './form-message';

export function ReplaceKeyForm() {
  const [state, formAction] = useActionState(replaceKeyAction, idleState);
  return (
    <ActionForm action={formAction} state={state} className="max-w-md space-y-4" noValidate>
      <TextField
        name="apiKey"
        label="New API key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        hint="Checked against Gandi; it must belong to the same account."
        required
        error={fieldError(state, 'apiKey')}
      />
      <FormMessage state={state} success="The workspace now uses the new key." />
      <SubmitButton variant="secondary" pendingLabel="Checking the key…">
        Replace the key
      </SubmitButton>
    </ActionForm>
  );
}
