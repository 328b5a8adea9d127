'use client';

import { useActionState, useMemo } from 'react';
import { addVhostAction, removeVhostAction } from '@/app/(panel)/load-balancers/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { DetailCard } from '@/components/vms/detail-card';
import { useOnStarted } from '@/components/vms/use-started-operations';
import type { ActionState } from '@/lib/action-state';
import { idleState } from '@/lib/action-state';
import type { StartedOrUnvalidated } from '@/lib/dal/rproxy-mutations';
import { vhostProblem } from '@/lib/validation/rproxy';
import { AddPartForm } from './add-part-form';
import { DnsRecordsPanel } from './dns-records';
import { PartList, RemoveButton } from './part-list';
import type { Follow, RproxyView } from './types';

/** Started operations only (a refusal for an unvalidated domain started nothing). */
function startedOnly(state: ActionState<StartedOrUnvalidated>) {
  return state.status === 'ok' && state.data.kind === 'started'
    ? { status: 'ok' as const, data: state.data }
    : idleState;
}

/** The domains served; add one (refused with the DNS records to publish when unvalidated); remove. */
export function VhostsCard({ rproxy, follow }: { rproxy: RproxyView; follow: Follow }) {
  const [addState, addAction] = useActionState(addVhostAction, idleState);
  const [removeState, removeAction] = useActionState(removeVhostAction, idleState);
  // Memoized: useOnStarted compares states by identity.
  const started = useMemo(() => startedOnly(addState), [addState]);
  useOnStarted(started, follow('Add a domain'));
  useOnStarted(removeState, follow('Remove a domain'));
  const ready = rproxy.state === 'running';

  return (
    <DetailCard id="rproxy-vhosts" title="Domains">
      <PartList
        label="Domains"
        empty="No domain yet."
        items={rproxy.vhosts}
        name={(v) => <span className="min-w-0 flex-1 font-mono text-sm break-all">{v.name}</span>}
        tone={(state) => (state === 'running' ? 'success' : 'info')}
        controls={(v) => (
          <form action={removeAction}>
            <input type="hidden" name="rproxy_id" value={rproxy.id} />
            <input type="hidden" name="vhost" value={v.name} />
            <RemoveButton what={v.name} disabled={!ready} />
          </form>
        )}
      />
      <ActionMessage state={removeState} />
      <AddPartForm
        rproxy={rproxy}
        action={addAction}
        state={addState}
        started={started.status === 'ok'}
        name="vhost"
        label="Add a domain"
        placeholder="www.example.com"
        problem={vhostProblem}
        submitLabel="Add domain"
      >
        {addState.status === 'ok' && addState.data.kind === 'unvalidated' ? (
          <DnsRecordsPanel records={addState.data.records} />
        ) : null}
      </AddPartForm>
    </DetailCard>
  );
}
