'use client';

import { useActionState, useState } from 'react';
import { setConsoleAction } from '@/app/(panel)/vms/[id]/console/actions';
import { OperationProgress } from '@/components/operations/operation-progress';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { useOnStarted } from '@/components/vms/use-started-operations';
import { fieldError, idleState } from '@/lib/action-state';
import type { ConsoleChange } from '@/lib/dal/console';

/**
 * Enable / disable the emergency console. Enabling asks the owner to confirm a root password is
 * set (the API cannot tell). The update is followed live; the page refreshes when it settles.
 */
export function ConsoleToggle({
  vmId,
  enabled,
  canEnable,
}: {
  vmId: number;
  enabled: boolean;
  /** False without a public IPv4 (the server refuses too; this only explains it up front). */
  canEnable: boolean;
}) {
  const [state, formAction] = useActionState(setConsoleAction, idleState);
  const [started, setStarted] = useState<{ ids: number[]; title: string } | null>(null);
  const enable = !enabled;
  useOnStarted(state, (data: ConsoleChange) =>
    setStarted({
      ids: data.operations.map((op) => op.id),
      title: data.enabling ? 'Enabling the console' : 'Disabling the console',
    }),
  );

  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="vm_id" value={vmId} />
        <input type="hidden" name="enable" value={String(enable)} />
        {enable ? (
          <div>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="password_set"
                className="mt-1"
                aria-invalid={fieldError(state, 'password_set') ? true : undefined}
                aria-describedby={fieldErrorId('password_set')}
              />
              <span>A root password is set on this VM (the console logs in with it).</span>
            </label>
            <FieldError
              id={fieldErrorId('password_set')}
              message={fieldError(state, 'password_set')}
            />
          </div>
        ) : null}
        <SubmitButton
          variant={enable ? 'primary' : 'secondary'}
          disabled={enable && !canEnable}
          pendingLabel={enable ? 'Enabling…' : 'Disabling…'}
        >
          {enable ? 'Enable the console' : 'Disable the console'}
        </SubmitButton>
        {state.status === 'error' && !state.fieldErrors ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {state.message}
          </p>
        ) : null}
      </form>
      {started ? (
        <OperationProgress
          key={started.ids.join(',')}
          ids={started.ids}
          title={started.title}
          refreshOnDone
        />
      ) : null}
    </div>
  );
}
