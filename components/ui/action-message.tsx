import { offersApproval, type ActionState } from '@/lib/action-state';

/**
 * The action's refusal in words, next to the control that caused it. Field errors are shown
 * under their fields, so by default a refusal that has them is not repeated here.
 */
export function ActionMessage({
  state,
  includeFieldErrors = false,
}: {
  state: ActionState<unknown>;
  includeFieldErrors?: boolean;
}) {
  if (state.status !== 'error') return null;
  if (state.fieldErrors && !includeFieldErrors) return null;
  if (offersApproval(state.message)) {
    // Not a failure to fix: the change needs an admin's approval, asked for right below.
    return (
      <p
        role="alert"
        className="max-w-prose rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      >
        {state.message}
      </p>
    );
  }
  return (
    <p role="alert" className="max-w-prose text-sm text-red-700 dark:text-red-400">
      {state.message}
    </p>
  );
}
