'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useActionState } from 'react';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import type { ApprovalPolicy } from '@/lib/team/approvals/policy';
import { setApprovalPolicyAction } from './actions';

export function PolicyForm({ policy }: { policy: ApprovalPolicy }) {
  const [state, formAction] = useActionState(setApprovalPolicyAction, idleState);
  return (
    <ActionForm
      action={formAction}
      state={state}
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
        defaultValue={policy.aboveCores ?? ''}
        placeholder="no rule"
        hint="Operators' launches above it wait for an owner or admin."
        error={fieldError(state, 'above_cores')}
      />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="operator_deletes"
          defaultChecked={policy.operatorDeletes}
          className="mt-1"
        />
        <span>
          Any delete by an operator needs approval
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">
            VMs, disks and IP addresses: the delete waits for an owner or admin.
          </span>
        </span>
      </label>
      {state.status === 'ok' ? (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          Saved.
        </p>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save policy
      </SubmitButton>
    </ActionForm>
  );
}
