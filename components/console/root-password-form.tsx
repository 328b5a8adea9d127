'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import { setRootPasswordAction } from '@/app/(panel)/vms/[id]/console/actions';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import type { OperationGroup } from '@/components/vms/live-operations';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { PASSWORD_LENGTH } from '@/lib/validation/vm';

/** Sets the root password the console logs in with (`hosting.vm.update {password}`). */
export function RootPasswordForm({
  vmId,
  onStarted,
}: {
  vmId: number;
  onStarted: (group: OperationGroup) => void;
}) {
  const [state, formAction] = useStartedActionState(setRootPasswordAction, (data) => {
    const ids = data.operations.map((op) => op.id);
    onStarted({ key: `password-${ids.join(',')}`, title: 'Setting the root password', ids });
  });

  return (
    <div className="space-y-3">
      <ActionForm action={formAction} state={state} className="space-y-3" noValidate>
        <input type="hidden" name="vm_id" value={vmId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            name="password"
            id="root-password"
            label="New root password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_LENGTH.min}
            maxLength={PASSWORD_LENGTH.max}
            hint={`At least ${PASSWORD_LENGTH.min} characters.`}
            error={fieldError(state, 'password')}
          />
          <TextField
            name="password_confirm"
            id="root-password-confirm"
            label="Type it again"
            type="password"
            autoComplete="new-password"
            error={fieldError(state, 'password_confirm')}
          />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Setting the password…">
          Set the root password
        </SubmitButton>
        <ActionMessage state={state} />
      </ActionForm>
    </div>
  );
}
