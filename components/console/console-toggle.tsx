'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { setConsoleAction } from '@/app/(panel)/vms/[id]/console/actions';
import { FieldError, fieldErrorId } from '@/components/ui/field-error';
import { SubmitButton } from '@/components/ui/submit-button';
import type { OperationGroup } from '@/components/vms/live-operations';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import type { ConsoleChange } from '@/lib/dal/console';

/**
 * Enable / disable the emergency console. Enabling asks the owner to confirm a root password is
 * set (the API cannot tell). The update it starts is handed to `onStarted` to be followed live.
 */
export function ConsoleToggle({
  vmId,
  enabled,
  canEnable,
  busy,
  onStarted,
}: {
  vmId: number;
  enabled: boolean;
  /** False without a public IPv4 (the server refuses too; this only explains it up front). */
  canEnable: boolean;
  /** An update of this VM is still running: wait for it (the button says why it waits). */
  busy: boolean;
  onStarted: (group: OperationGroup) => void;
}) {
  const enable = !enabled;
  // The title comes from the request, not from `enabled`, which flips once the update is done.
  const [state, formAction] = useStartedActionState(setConsoleAction, (data: ConsoleChange) => {
    const ids = data.operations.map((op) => op.id);
    onStarted({
      key: `console-${ids.join(',')}`,
      title: data.enabling ? 'Enabling the console' : 'Disabling the console',
      ids,
    });
  });

  return (
    <div className="space-y-3">
      <ActionForm action={formAction} state={state} className="space-y-3">
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
          disabled={busy || (enable && !canEnable)}
          aria-describedby={busy ? 'console-busy' : undefined}
          pendingLabel={enable ? 'Enabling…' : 'Disabling…'}
        >
          {enable ? 'Enable the console' : 'Disable the console'}
        </SubmitButton>
        {busy ? (
          <p id="console-busy" className="text-sm text-zinc-600 dark:text-zinc-400">
            An update of this VM is under way; this waits until it is done.
          </p>
        ) : null}
        <ActionMessage state={state} />
      </ActionForm>
    </div>
  );
}
