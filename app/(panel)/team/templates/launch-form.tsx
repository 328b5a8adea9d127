'use client';

import { ActionForm } from '@/components/ui/action-form';
import { ActionMessage } from '@/components/ui/action-message';
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { CostEstimate } from '@/components/cost/cost-estimate';
import { OperationProgress } from '@/components/operations/operation-progress';
import { TextField } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import { vmCreationDelta } from '@/lib/cost/deltas';
import { RequestApprovalForm } from '../approvals/request-form';
import { launchTemplateAction } from './actions';

/** One step: a hostname, the cost shown, then the creation followed live. */
export function LaunchForm({
  templateId,
  templateName,
  delta,
}: {
  templateId: string;
  templateName: string;
  delta: Parameters<typeof vmCreationDelta>[0];
}) {
  const [state, formAction] = useActionState(launchTemplateAction, idleState);
  const [typedHostname, setTypedHostname] = useState('');
  if (state.status === 'ok') {
    const { vmId, hostname, operations } = state.data;
    return (
      <div className="space-y-2">
        <OperationProgress
          title={`Launching ${hostname}`}
          ids={operations.map((op) => op.id)}
          refreshOnDone={false}
        />
        {vmId ? (
          <Link
            href={`/vms/${vmId}`}
            className="text-sm text-teal-800 underline dark:text-teal-300"
          >
            Open {hostname}
          </Link>
        ) : null}
      </div>
    );
  }
  const fieldId = `launch-hostname-${templateId}`;
  const form = (
    <ActionForm
      action={formAction}
      state={state}
      className="space-y-3"
      noValidate
      aria-label={`Launch ${templateName}`}
    >
      <input type="hidden" name="template_id" value={templateId} />
      <TextField
        name="hostname"
        id={fieldId}
        label="Hostname"
        autoComplete="off"
        value={typedHostname}
        onChange={(event) => setTypedHostname(event.target.value)}
        error={fieldError(state, 'hostname')}
      />
      <CostEstimate title="Cost" delta={vmCreationDelta(delta)} />
      <ActionMessage state={state} />
      <SubmitButton pendingLabel="Launching…">Launch</SubmitButton>
    </ActionForm>
  );
  // Over quota or held by the policy: nothing was sent to Gandi; the same launch can go to an
  // admin instead.
  const overQuota =
    state.status === 'error' &&
    (state.message.startsWith('Over quota') || state.message.startsWith('Needs approval'));
  return overQuota ? (
    <div className="space-y-3">
      {form}
      <RequestApprovalForm templateId={templateId} hostname={typedHostname.trim()} />
    </div>
  ) : (
    form
  );
}
