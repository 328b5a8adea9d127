'use client';

import { useRouter } from 'next/navigation';
import { useActionState, type ReactNode } from 'react';
import { ActionMessage } from '@/components/ui/action-message';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DetailCard } from '@/components/vms/detail-card';
import { idleState, type ActionState } from '@/lib/action-state';
import { allDone } from './all-done';
import { OperationProgress } from './operation-progress';

type Started = { operations: readonly { id: number }[] };

export interface TypedNameDeleteCardProps<T extends Started> {
  /** The card's heading id. */
  id: string;
  /** What the thing is, in the labels: "load balancer", "VLAN". */
  noun: string;
  /** Its name: typed to confirm, and sent as `confirm_name` (the server checks it again). */
  name: string;
  /** The hidden field naming it, e.g. `['vlan_id', 12]`. */
  idField: readonly [string, number];
  /** What deleting it does here and now (above the button). */
  note: ReactNode;
  /** The dialog's description. */
  description: string;
  action: (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  disabled?: boolean;
  /** Where to go once the deletion is DONE (this page would only show "not found"). */
  listHref: string;
}

/** A "Delete" card: confirmed by typing the name, followed live, then back to the list. */
export function TypedNameDeleteCard<T extends Started>({
  id,
  noun,
  name,
  idField,
  note,
  description,
  action,
  disabled = false,
  listHref,
}: TypedNameDeleteCardProps<T>) {
  const router = useRouter();
  const [state, formAction, deleting] = useActionState(action, idleState);
  return (
    <DetailCard id={id} title="Delete">
      <p className="mb-2 text-sm text-zinc-700 dark:text-zinc-300">{note}</p>
      <ConfirmDialog
        triggerLabel={deleting ? 'Deleting…' : `Delete ${noun}`}
        triggerVariant="danger"
        triggerDisabled={deleting || disabled}
        title={`Delete the ${noun} ${name}?`}
        description={description}
        confirmLabel={`Delete ${noun}`}
        confirmPhrase={name}
        action={formAction}
      >
        <input type="hidden" name={idField[0]} value={idField[1]} />
        <input type="hidden" name="confirm_name" value={name} />
      </ConfirmDialog>
      <div className="mt-2">
        <ActionMessage state={state} />
        {state.status === 'ok' ? (
          // Not in the page's shared progress list: that one refreshes this page when it settles,
          // which would show "not found" instead of going back to the list.
          <div className="mt-3">
            <OperationProgress
              title={`Deleting the ${noun}`}
              ids={state.data.operations.map((op) => op.id)}
              refreshOnDone={false}
              onSettled={(ops) => (allDone(ops) ? router.push(listHref) : router.refresh())}
            />
          </div>
        ) : null}
      </div>
    </DetailCard>
  );
}
