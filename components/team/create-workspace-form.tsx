'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { fieldError, idleState } from '@/lib/action-state';
import { createWorkspaceAction } from '@/lib/team/actions/workspace';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/input';
import { FormMessage } from './form-message';
import { NewPasswordFields } from './new-password-fields';

export function CreateWorkspaceForm() {
  const [state, formAction] = useActionState(createWorkspaceAction, idleState);
  return (
    <ActionForm action={formAction} state={state} className="max-w-md space-y-4" noValidate>
      <TextField name="name" label="Workspace name" required error={fieldError(state, 'name')} />
      <TextField
        name="email"
        label="Your email (owner)"
        type="email"
        autoComplete="username"
        required
        error={fieldError(state, 'email')}
      />
      <NewPasswordFields label="Owner password" state={state} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Creating the workspace…">Create workspace</SubmitButton>
    </ActionForm>
  );
}
