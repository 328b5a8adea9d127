'use client';

import { useState } from 'react';
import { deleteRproxyAction, updateRproxyAction } from '@/app/(panel)/load-balancers/actions';
import { TypedNameDeleteCard } from '@/components/operations/typed-name-delete-card';
import { ActionMessage } from '@/components/ui/action-message';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { DetailCard } from '@/components/vms/detail-card';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError } from '@/lib/action-state';
import { ALGORITHM_CHOICES } from '@/lib/validation/rproxy';
import type { Follow, RproxyView } from './types';

/** Algorithm and SSL; delete with the name typed to confirm. */
export function SettingsCard({ rproxy, follow }: { rproxy: RproxyView; follow: Follow }) {
  const [algorithm, setAlgorithm] = useState(rproxy.algorithm ?? 'client-ip');
  const [ssl, setSsl] = useState(rproxy.sslEnabled);
  const [updateState, updateAction] = useStartedActionState(
    updateRproxyAction,
    follow('Change the settings'),
  );
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
      <TypedNameDeleteCard
        id="rproxy-delete"
        noun="load balancer"
        name={rproxy.name}
        idField={['rproxy_id', rproxy.id]}
        note="The address stops answering; the backend VMs are not touched."
        description="Its domains, backends and probe are removed with it."
        action={deleteRproxyAction}
        disabled={!ready}
        listHref="/load-balancers"
      />
    </div>
  );
}
