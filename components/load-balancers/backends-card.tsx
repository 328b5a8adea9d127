'use client';

import { IpAddress } from '@/components/ui/ip-address';
import { addBackendAction, changeBackendAction } from '@/app/(panel)/load-balancers/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { Button } from '@/components/ui/button';
import { DetailCard } from '@/components/vms/detail-card';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { backendLabel, parseBackend } from '@/lib/validation/rproxy';
import { AddPartForm } from './add-part-form';
import { PartList, RemoveButton } from './part-list';
import type { Follow, RproxyView } from './types';

function backendProblem(value: string): string | null {
  const parsed = parseBackend(value);
  return parsed.ok ? null : parsed.problem;
}

/** The backends with their state; enable/disable/remove each; add one (a VM address or typed). */
export function BackendsCard({
  rproxy,
  choices,
  follow,
}: {
  rproxy: RproxyView;
  choices: { value: string; label: string }[];
  follow: Follow;
}) {
  const [changeState, changeAction] = useStartedActionState(
    changeBackendAction,
    follow('Change a backend'),
  );
  const [addState, addAction] = useStartedActionState(addBackendAction, follow('Add a backend'));
  const ready = rproxy.state === 'running';

  return (
    <DetailCard id="rproxy-backends" title="Backends">
      <PartList
        label="Backends"
        empty="No backend: add one below."
        items={rproxy.backends}
        name={(b) => (
          <span className="min-w-0 flex-1 text-sm">
            <IpAddress ip={backendLabel(b.ip, b.port)} />
            {b.host ? <span className="text-zinc-600 dark:text-zinc-400"> ({b.host})</span> : null}
          </span>
        )}
        tone={(state) =>
          state === 'running' ? 'success' : state === 'disabled' ? 'warning' : 'info'
        }
        controls={(b) => {
          const label = backendLabel(b.ip, b.port);
          const toggle = b.state === 'disabled' ? 'enable' : 'disable';
          const toggleLabel = toggle === 'enable' ? 'Enable' : 'Disable';
          return (
            <form action={changeAction} className="flex gap-2">
              <input type="hidden" name="rproxy_id" value={rproxy.id} />
              <input type="hidden" name="server_id" value={b.id} />
              <Button
                type="submit"
                size="sm"
                variant="secondary"
                name="change"
                value={toggle}
                disabled={!ready || (toggle === 'disable' && b.state !== 'running')}
                aria-label={`${toggleLabel} ${label}`}
              >
                {toggleLabel}
              </Button>
              <RemoveButton what={label} name="change" value="delete" disabled={!ready} />
            </form>
          );
        }}
      />
      <ActionMessage state={changeState} />
      <AddPartForm
        rproxy={rproxy}
        action={addAction}
        state={addState}
        started={addState.status === 'ok'}
        name="backend"
        label="Add a backend"
        list="rproxy-backend-choices"
        placeholder="192.0.2.10:80"
        hint="ip:port — pick one of your VMs' addresses or type any."
        problem={backendProblem}
        submitLabel="Add backend"
      >
        <datalist id="rproxy-backend-choices">
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </datalist>
      </AddPartForm>
    </DetailCard>
  );
}
