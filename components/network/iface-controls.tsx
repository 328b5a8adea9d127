'use client';

import { ActionForm } from '@/components/ui/action-form';
import { useOperationGroups } from '@/components/vms/use-operation-groups';
import { ActionMessage } from '@/components/ui/action-message';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import {
  attachIfaceAction,
  deleteIfaceAction,
  detachIfaceAction,
} from '@/app/(panel)/network/actions';
import { allDone } from '@/components/operations/all-done';
import { OperationProgress } from '@/components/operations/operation-progress';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { DetailCard } from '@/components/vms/detail-card';
import { LiveOperations } from '@/components/vms/live-operations';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { SentForApproval } from '@/components/team/sent-for-approval';
import { fieldError, idleState } from '@/lib/action-state';
import { heldRequestOf } from '@/lib/team/approvals/held';
import { ReverseForm } from './reverse-form';

export interface IfaceControlsProps {
  ifaceId: number;
  ready: boolean;
  vm: { id: number; hostname: string } | null;
  attachChoices: { id: number; hostname: string }[];
  /** Public IPs whose reverse can be edited. */
  reversible: { id: number; ip: string; reverse: string | null }[];
  /** What the user types to confirm the deletion (the interface's first address). */
  deletePhrase: string;
  runningOperationIds: number[];
}

/** Attach / detach / delete and reverse DNS of one interface, with the live progress of each. */
export function IfaceControls(props: IfaceControlsProps) {
  const { ifaceId, vm } = props;
  const router = useRouter();
  const { groups, follow } = useOperationGroups();
  const [deleteState, deleteAction, deleting] = useActionState(deleteIfaceAction, idleState);
  // Followed below, on its own: the shared list would refresh this page into "not found".
  const deleteIds =
    deleteState.status === 'ok' ? deleteState.data.operations.map((op) => op.id) : [];
  const deleteHeld = deleteState.status === 'ok' ? heldRequestOf(deleteState.data) : null;
  const [attachState, attachAction] = useStartedActionState(attachIfaceAction, follow('Attach'));
  const [detachState, detachAction, detaching] = useStartedActionState(
    detachIfaceAction,
    follow('Detach'),
  );

  return (
    <div className="space-y-4">
      <LiveOperations
        runningIds={props.runningOperationIds.filter((id) => !deleteIds.includes(id))}
        groups={groups}
      />
      {props.reversible.length > 0 ? (
        <DetailCard id="iface-reverse" title="Reverse DNS">
          <div className="space-y-3">
            {props.reversible.map((ip) => (
              <ReverseForm
                key={ip.id}
                ipId={ip.id}
                address={ip.ip}
                reverse={ip.reverse}
                onStarted={follow(`Reverse DNS of ${ip.ip}`)}
              />
            ))}
          </div>
        </DetailCard>
      ) : null}
      <DetailCard id="iface-attachment" title="Attachment">
        {vm ? (
          <div className="space-y-2">
            <p className="text-sm">
              Attached to <strong>{vm.hostname}</strong>.
            </p>
            <ConfirmDialog
              triggerLabel={detaching ? 'Detaching…' : 'Detach'}
              triggerDisabled={detaching}
              title={`Detach from ${vm.hostname}?`}
              description="The VM loses these addresses at once. The interface and its addresses are kept, free to attach again."
              confirmLabel="Detach"
              action={detachAction}
            >
              <input type="hidden" name="iface_id" value={ifaceId} />
              <input type="hidden" name="vm_id" value={vm.id} />
            </ConfirmDialog>
            <ActionMessage state={detachState} />
          </div>
        ) : (
          <ActionForm action={attachAction} state={attachState} className="space-y-2" noValidate>
            <input type="hidden" name="iface_id" value={ifaceId} />
            <SelectField
              name="vm_id"
              id="attach-vm"
              label="Attach to VM"
              placeholder={
                props.attachChoices.length === 0 ? 'No VM in this datacenter' : 'Choose a VM'
              }
              options={props.attachChoices.map((choice) => ({
                value: String(choice.id),
                label: choice.hostname,
              }))}
              hint="Only running or halted VMs of the same datacenter are listed."
              error={fieldError(attachState, 'vm_id')}
            />
            <ActionMessage state={attachState} />
            <SubmitButton
              disabled={!props.ready || props.attachChoices.length === 0}
              pendingLabel="Attaching…"
            >
              Attach
            </SubmitButton>
          </ActionForm>
        )}
      </DetailCard>
      <DetailCard id="iface-delete" title="Delete">
        <p className="mb-2 text-sm text-zinc-700 dark:text-zinc-300">
          {vm
            ? 'Detach it first: an interface in use cannot be deleted.'
            : 'Deleting the interface releases its addresses for good.'}
        </p>
        <ConfirmDialog
          triggerLabel={deleting ? 'Deleting…' : 'Delete interface'}
          triggerVariant="danger"
          triggerDisabled={deleting || vm !== null || !props.ready || deleteHeld !== null}
          title="Delete this interface and its addresses?"
          description="The addresses go back to Gandi; you will not get the same ones again."
          confirmLabel="Delete interface"
          confirmPhrase={props.deletePhrase}
          action={deleteAction}
        >
          <input type="hidden" name="iface_id" value={ifaceId} />
        </ConfirmDialog>
        <ActionMessage state={deleteState} />
        {deleteHeld ? <SentForApproval why={deleteHeld.why} /> : null}
        {deleteState.status === 'ok' && !deleteHeld ? (
          // Not in the shared progress list: that one refreshes this page when it settles, which
          // would show "not found" instead of going back to the list.
          <div className="mt-3">
            <OperationProgress
              title="Deleting the interface"
              ids={deleteState.data.operations.map((op) => op.id)}
              refreshOnDone={false}
              onSettled={(ops) => (allDone(ops) ? router.push('/network') : router.refresh())}
            />
          </div>
        ) : null}
      </DetailCard>
    </div>
  );
}
