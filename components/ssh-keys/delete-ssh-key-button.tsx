'use client';

import { useActionState } from 'react';
import { deleteSshKeyAction } from '@/app/(panel)/ssh-keys/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { idleState } from '@/lib/action-state';

/** Delete after a confirmation; VMs that already have the key keep it (only the account's copy goes). */
export function DeleteSshKeyButton({ keyId, name }: { keyId: number; name: string }) {
  const [state, formAction, pending] = useActionState(deleteSshKeyAction, idleState);
  return (
    <div className="inline-block text-left">
      <ConfirmDialog
        triggerLabel={pending ? 'Deleting…' : 'Delete'}
        triggerVariant="danger"
        triggerDisabled={pending}
        title={`Delete the key “${name}”?`}
        description="New VMs will no longer be able to use it. VMs that already have it keep it in their authorized_keys."
        confirmLabel="Delete key"
        action={formAction}
      >
        <input type="hidden" name="key_id" value={keyId} />
      </ConfirmDialog>
      {state.status === 'error' ? (
        <p role="alert" className="mt-1 max-w-xs text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
