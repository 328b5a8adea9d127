import { ActionMessage } from '@/components/ui/action-message';
import type { ActionState } from '@/lib/action-state';

/** The form-level outcome line: the refusal (field errors included), or a status on success. */
export function FormMessage({ state, success }: { state: ActionState<unknown>; success?: string }) {
  if (state.status === 'ok' && success) {
    return (
      <p role="status" className="text-sm text-green-800 dark:text-green-300">
        {success}
      </p>
    );
  }
  return <ActionMessage state={state} includeFieldErrors />;
}
