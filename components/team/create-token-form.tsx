'use client';

import { useActionState } from 'react';
import { fieldError, idleState } from '@/lib/action-state';
import { createTokenAction } from '@/lib/team/tokens/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/input';
import { FormMessage } from './form-message';

/** The token is shown here once; only its hash is stored. */
export function CreateTokenForm() {
  const [state, formAction] = useActionState(createTokenAction, idleState);
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-start gap-3" noValidate>
        <TextField
          name="name"
          label="Name"
          className="min-w-64"
          required
          maxLength={64}
          error={fieldError(state, 'name')}
        />
        <TextField
          name="expires_days"
          label="Expires after (days, optional)"
          inputMode="numeric"
          className="w-48"
          error={fieldError(state, 'expires_days')}
        />
        <div className="pt-6">
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} />
      {state.status === 'ok' ? (
        <div
          role="status"
          className="space-y-2 rounded-md border border-teal-300 bg-teal-50 p-3 text-sm dark:border-teal-700 dark:bg-teal-950"
        >
          <p>
            Your token “{state.data.name}”. Copy it now: it is shown only once
            {state.data.expiresAt
              ? ` and expires ${new Date(state.data.expiresAt).toUTCString()}`
              : ''}
            .
          </p>
          <input
            readOnly
            value={state.data.token}
            aria-label="New access token"
            className="w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
    </div>
  );
}
