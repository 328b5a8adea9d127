'use client';

import { addVhostAction, removeVhostAction } from '@/app/(panel)/load-balancers/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { DetailCard } from '@/components/vms/detail-card';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { vhostProblem } from '@/lib/validation/rproxy';
import { AddPartForm } from './add-part-form';
import { DnsRecordsPanel } from './dns-records';
import { PartList, RemoveButton } from './part-list';
import type { Follow, RproxyView } from './types';

/** The domains served; add one (refused with the DNS records to publish when unvalidated); remove. */
export function VhostsCard({ rproxy, follow }: { rproxy: RproxyView; follow: Follow }) {
  // An unvalidated domain is refused with the records to publish: nothing started to follow.
  const [addState, addAction] = useStartedActionState(addVhostAction, (data) => {
    if (data.kind === 'started') follow('Add a domain')(data);
  });
  const [removeState, removeAction] = useStartedActionState(
    removeVhostAction,
    follow('Remove a domain'),
  );
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
        started={addState.status === 'ok' && addState.data.kind === 'started'}
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
