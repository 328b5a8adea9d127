'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import { setApprovalPolicyAction } from './actions';

export function PolicyForm({ aboveCores }: { aboveCores: number | null }) {
  const [state, formAction] = useActionState(setApprovalPolicyAction, idleState);
  return (
    <form
      action={formAction}
      aria-label="Approval policy"
      className="max-w-sm space-y-2"
      noValidate
    >
      <TextField
        name="above_cores"
        id="policy-above-cores"
        label="Approval needed above this many cores"
        type="number"
        min={0}
        defaultValue={aboveCores ?? ''}
        placeholder="no rule"
        hint="Operators' launches above it wait for an owner or admin."
        error={fieldError(state, 'above_cores')}
      />
      {state.status === 'ok' ? (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          Saved.
        </p>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save policy
      </SubmitButton>
    </form>
  );
}
