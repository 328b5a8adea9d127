'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import { QUOTA_INPUTS, QUOTA_KEYS, type QuotaLimits } from '@/lib/team/quotas/quota-model';
import { setQuotaAction } from './actions';

/** A stored limit in the form's unit (disk: GB, stored in MB); empty for no limit. */
function inputValue(limit: number | null | undefined, mbPerUnit: number | undefined): string {
  if (limit === null || limit === undefined) return '';
  return String(mbPerUnit ? Math.round((limit / mbPerUnit) * 100) / 100 : limit);
}

/** One row's limits (a member, or the workspace): empty means no limit. */
export function QuotaForm({
  memberId,
  who,
  limits,
}: {
  memberId: string;
  who: string;
  limits: QuotaLimits;
}) {
  const [state, formAction] = useActionState(setQuotaAction, idleState);
  return (
    <ActionForm
      action={formAction}
      state={state}
      aria-label={`Quota of ${who}`}
      className="space-y-2"
      noValidate
    >
      <input type="hidden" name="member_id" value={memberId} />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-6">
        {QUOTA_KEYS.map((key) => (
          <label key={key} className="text-xs">
            <span className="block text-zinc-600 dark:text-zinc-400">
              {QUOTA_INPUTS[key].label}
            </span>
            <input
              name={key}
              type="number"
              min={0}
              step={QUOTA_INPUTS[key].mbPerUnit ? 'any' : 1}
              defaultValue={inputValue(limits[key], QUOTA_INPUTS[key].mbPerUnit)}
              placeholder="no limit"
              aria-invalid={fieldError(state, key) ? true : undefined}
              className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900"
            />
          </label>
        ))}
      </div>
      <ActionMessage state={state} includeFieldErrors />
      {state.status === 'ok' ? (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          Saved.
        </p>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save quota
      </SubmitButton>
    </ActionForm>
  );
}
