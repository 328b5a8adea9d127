'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { deleteRproxyAction, updateRproxyAction } from '@/app/(panel)/load-balancers/actions';
import { OperationProgress } from '@/components/operations/operation-progress';
import { ActionMessage } from '@/components/ui/action-message';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { DetailCard } from '@/components/vms/detail-card';
import { useOnStarted } from '@/components/vms/use-started-operations';
import { fieldError, idleState } from '@/lib/action-state';
import { ALGORITHM_CHOICES } from '@/lib/validation/rproxy';
import type { Follow, RproxyView } from './types';

/** Algorithm and SSL; delete with the name typed to confirm. */
export function SettingsCard({ rproxy, follow }: { rproxy: RproxyView; follow: Follow }) {
  const router = useRouter();
  const [updateState, updateAction] = useActionState(updateRproxyAction, idleState);
  const [deleteState, deleteAction, deleting] = useActionState(deleteRproxyAction, idleState);
  const [algorithm, setAlgorithm] = useState(rproxy.algorithm ?? 'client-ip');
  const [ssl, setSsl] = useState(rproxy.sslEnabled);
  useOnStarted(updateState, follow('Change the settings'));
  const ready = rproxy.state === 'running';

  return (
    <div className="space-y-4">
      <DetailCard id="rproxy-settings" title="Algorithm and SSL">
        <form action={updateAction} className="space-y-3" noValidate>
          <input type="hidden" name="rproxy_id" value={rproxy.id} />
          <SelectField
            name="algorithm"
            id="rproxy-edit-algorithm"
            label="Algorithm"
            value={algorithm}
            onChange={(event) => setAlgorithm(event.target.value as typeof algorithm)}
            options={ALGORITHM_CHOICES.map((a) => ({ value: a.value, label: a.label }))}
            error={fieldError(updateState, 'algorithm')}
          />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="ssl_enable"
              checked={ssl}
              onChange={(event) => setSsl(event.target.checked)}
            />
            Accept HTTPS (SSL)
          </label>
          <ActionMessage state={updateState} />
          <SubmitButton pendingLabel="Saving…" disabled={!ready}>
            Save settings
          </SubmitButton>
        </form>
      </DetailCard>
      <DetailCard id="rproxy-delete" title="Delete">
        <p className="mb-2 text-sm text-zinc-700 dark:text-zinc-300">
          The address stops answering; the backend VMs are not touched.
        </p>
        <ConfirmDialog
          triggerLabel={deleting ? 'Deleting…' : 'Delete load balancer'}
          triggerVariant="danger"
          triggerDisabled={deleting || !ready}
          title={`Delete the load balancer ${rproxy.name}?`}
          description="Its domains, backends and probe are removed with it."
          confirmLabel="Delete load balancer"
          confirmPhrase={rproxy.name}
          action={deleteAction}
        >
          <input type="hidden" name="rproxy_id" value={rproxy.id} />
          <input type="hidden" name="confirm_name" value={rproxy.name} />
        </ConfirmDialog>
        <div className="mt-2">
          <ActionMessage state={deleteState} />
          {deleteState.status === 'ok' ? (
            <div className="mt-3">
              <OperationProgress
                title="Deleting the load balancer"
                ids={deleteState.data.operations.map((op) => op.id)}
                refreshOnDone={false}
                onSettled={(ops) =>
                  ops.every((op) => op.step === 'DONE')
                    ? router.push('/load-balancers')
                    : router.refresh()
                }
              />
            </div>
          ) : null}
        </div>
      </DetailCard>
    </div>
  );
}
