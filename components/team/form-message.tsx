import type { ActionState } from '@/lib/action-state';

/** The form-level outcome line: an alert for errors, a status for successes. */
export function FormMessage({ state, success }: { state: ActionState<unknown>; success?: string }) {
  if (state.status === 'error') {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        {state.message}
      </p>
    );
  }
  if (state.status === 'ok' && success) {
    return (
      <p role="status" className="text-sm text-green-800 dark:text-green-300">
        {success}
      </p>
    );
  }
  return null;
}
