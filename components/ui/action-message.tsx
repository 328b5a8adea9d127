import type { ActionState } from '@/lib/action-state';

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
  return (
    <p role="alert" className="max-w-prose text-sm text-red-700 dark:text-red-400">
      {state.message}
    </p>
  );
}
