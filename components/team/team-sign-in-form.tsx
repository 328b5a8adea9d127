'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { fieldError, idleState } from '@/lib/action-state';
import { teamSignInAction } from '@/lib/team/actions/sign-in';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/input';
import { FormMessage } from './form-message';

/**
 * Team members sign in to one workspace (named by their team's sign-in link, or the one this
 * browser entered last) with email and password; the workspace's key stays on the server.
 */
export function TeamSignInForm({ workspaceId }: { workspaceId: string | null }) {
  const [state, formAction] = useActionState(teamSignInAction, idleState);
  return (
    <ActionForm
      action={formAction}
      state={state}
      className="space-y-4"
      noValidate
      aria-label="Team sign-in"
    >
      <TextField
        id="team-workspace"
        name="workspace"
        label="Workspace ID"
        hint="From your team’s sign-in link."
        defaultValue={workspaceId ?? ''}
        autoComplete="off"
        required
        error={fieldError(state, 'workspace')}
      />
      <TextField
        id="team-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        error={fieldError(state, 'email')}
      />
      <TextField
        id="team-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(state, 'password')}
      />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Checking…">
        Enter team workspace
      </SubmitButton>
    </ActionForm>
  );
}
