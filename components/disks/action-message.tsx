import type { ActionState } from '@/lib/action-state';

/** The action's refusal in words, next to the control that caused it (field errors go under fields). */
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
    <p role="alert" className="mt-1 max-w-prose text-sm text-red-700 dark:text-red-400">
      {state.message}
    </p>
  );
}
