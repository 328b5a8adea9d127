'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { formatUtcDateTime } from '@/lib/format-date';
import { fieldError, idleState } from '@/lib/action-state';
import { inviteMemberAction } from '@/lib/team/actions/members';
import { INVITABLE_ROLES, ROLE_LABELS } from '@/lib/team/roles';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/input';
import { FormMessage } from './form-message';

/** The link is shown here once; only its hash is stored. */
export function InviteForm() {
  const [state, formAction] = useActionState(inviteMemberAction, idleState);
  const link =
    state.status === 'ok' && typeof window !== 'undefined'
      ? new URL(state.data.path, window.location.origin).toString()
      : undefined;
  return (
    <div className="space-y-4">
      <ActionForm
        action={formAction}
        state={state}
        className="flex flex-wrap items-start gap-3"
        noValidate
      >
        <TextField
          name="email"
          label="Email"
          type="email"
          className="min-w-64"
          required
          error={fieldError(state, 'email')}
        />
        <SelectField
          name="role"
          label="Role"
          defaultValue="operator"
          options={INVITABLE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          error={fieldError(state, 'role')}
        />
        {/* Lined up with the inputs, below their labels (the fields reserve room for errors). */}
        <div className="pt-6">
          <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
        </div>
      </ActionForm>
      <FormMessage state={state} />
      {state.status === 'ok' && link ? (
        <div
          role="status"
          className="space-y-2 rounded-md border border-teal-300 bg-teal-50 p-3 text-sm dark:border-teal-700 dark:bg-teal-950"
        >
          <p>
            Send this one-time link to {state.data.email} ({ROLE_LABELS[state.data.role]}). It is
            shown only now and expires {formatUtcDateTime(state.data.expiresAt)}.
          </p>
          <label className="block">
            <span className="sr-only">Invitation link</span>
            <input
              readOnly
              value={link}
              aria-label="Invitation link"
              className="w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
              onFocus={(event) => event.currentTarget.select()}
            />
          </label>
        </div>
      ) : null}
    </div>
  );
}
