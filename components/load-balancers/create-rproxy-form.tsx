'use client';

import { IpAddress } from '@/components/ui/ip-address';
import { useActionState, useEffect, useRef, useState } from 'react';
import { createRproxyAction } from '@/app/(panel)/load-balancers/actions';
import { OperationProgress } from '@/components/operations/operation-progress';
import { ActionMessage } from '@/components/ui/action-message';
import { FieldError } from '@/components/ui/field-error';
import { controlClasses, TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldError, idleState } from '@/lib/action-state';
import type { BackendChoice, RproxyPrice } from '@/lib/dal/rproxy';
import {
  ALGORITHM_CHOICES,
  lines,
  parseBackend,
  rproxyNameProblem,
  vhostProblem,
} from '@/lib/validation/rproxy';
import { DnsRecordsPanel } from './dns-records';
import { formatCostRate, MONTH_NOTE } from '@/lib/cost/format';

export interface CreateRproxyFormProps {
  datacenters: { id: number; label: string }[];
  choices: BackendChoice[];
  price: RproxyPrice | null;
}

/**
 * Datacenter, name, algorithm, backends (the account's VM addresses in that datacenter, ticked,
 * and/or typed `ip:port` lines), domains and SSL. Every field is controlled, so nothing typed is
 * lost when the server answers with an error or with DNS records to publish.
 */
export function CreateRproxyForm({ datacenters, choices, price }: CreateRproxyFormProps) {
  const [state, formAction] = useActionState(createRproxyAction, idleState);
  const [datacenter, setDatacenter] = useState(String(datacenters[0]?.id ?? ''));
  const [name, setName] = useState('');
  const [algorithm, setAlgorithm] = useState('round-robin');
  const [ticked, setTicked] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [vhosts, setVhosts] = useState('');
  const [ssl, setSsl] = useState(false);
  const handled = useRef<typeof state | null>(null);

  useEffect(() => {
    if (state.status !== 'ok' || state.data.kind !== 'started' || handled.current === state) return;
    handled.current = state;
    setName('');
    setTicked([]);
    setTyped('');
    setVhosts('');
    setSsl(false);
  }, [state]);

  const here = choices.filter((c) => String(c.datacenterId) === datacenter);
  const typedProblem = lines(typed)
    .map(parseBackend)
    .find((b) => !b.ok);
  const vhostHint = lines(vhosts)
    .map(vhostProblem)
    .find((p) => p !== null);
  const count = ticked.length + lines(typed).length;

  return (
    <section
      aria-labelledby="create-rproxy"
      className="h-fit space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="create-rproxy" className="text-base font-semibold">
        Create a load balancer
      </h2>
      <form action={formAction} className="space-y-3" noValidate>
        <SelectField
          name="datacenter_id"
          id="rproxy-datacenter"
          label="Datacenter"
          value={datacenter}
          onChange={(event) => {
            setDatacenter(event.target.value);
            setTicked([]);
          }}
          options={datacenters.map((dc) => ({ value: String(dc.id), label: dc.label }))}
          error={fieldError(state, 'datacenter_id')}
        />
        <TextField
          name="name"
          id="rproxy-name"
          label="Name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={64}
          autoComplete="off"
          hint="Unique in the account."
          error={
            fieldError(state, 'name') ??
            (name === '' ? undefined : (rproxyNameProblem(name) ?? undefined))
          }
        />
        <SelectField
          name="algorithm"
          id="rproxy-algorithm"
          label="Algorithm"
          value={algorithm}
          onChange={(event) => setAlgorithm(event.target.value)}
          options={ALGORITHM_CHOICES.map((a) => ({ value: a.value, label: a.label }))}
          error={fieldError(state, 'algorithm')}
        />
        <fieldset className="space-y-1" aria-describedby="rproxy-backend-error">
          <legend className="text-sm font-medium">Backends from your VMs (port 80)</legend>
          {here.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              No VM address in this datacenter: type backends below.
            </p>
          ) : (
            <ul className="max-h-48 space-y-1 overflow-y-auto">
              {here.map((c) => (
                <li key={c.value}>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="backend"
                      value={c.value}
                      checked={ticked.includes(c.value)}
                      onChange={(event) =>
                        setTicked((list) =>
                          event.target.checked
                            ? [...list, c.value]
                            : list.filter((v) => v !== c.value),
                        )
                      }
                    />
                    <span className="flex min-w-0 flex-wrap items-baseline gap-x-2">
                      <span className="break-all">{c.hostname}</span> <IpAddress ip={c.value} />
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldError id="rproxy-backend-error" message={fieldError(state, 'backend')} />
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="rproxy-backends-typed" className="block text-sm font-medium">
            Other backends (optional)
          </label>
          <textarea
            id="rproxy-backends-typed"
            name="backends_typed"
            rows={2}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder={'192.0.2.10:8080\n[2001:db8::1]:80'}
            spellCheck={false}
            aria-describedby="rproxy-backends-typed-hint rproxy-backends-typed-error"
            className={`${controlClasses} h-auto font-mono`}
          />
          <p id="rproxy-backends-typed-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            One ip:port per line. {count} backend{count === 1 ? '' : 's'} chosen.
          </p>
          <FieldError
            id="rproxy-backends-typed-error"
            message={
              fieldError(state, 'backends_typed') ??
              (typedProblem && !typedProblem.ok ? typedProblem.problem : undefined)
            }
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="rproxy-vhosts" className="block text-sm font-medium">
            Domains (optional)
          </label>
          <textarea
            id="rproxy-vhosts"
            name="vhosts"
            rows={2}
            value={vhosts}
            onChange={(event) => setVhosts(event.target.value)}
            placeholder="www.example.com"
            spellCheck={false}
            aria-describedby="rproxy-vhosts-hint rproxy-vhosts-error"
            className={`${controlClasses} h-auto font-mono`}
          />
          <p id="rproxy-vhosts-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            One per line. A domain Gandi has not validated is refused with the DNS records to add.
          </p>
          <FieldError
            id="rproxy-vhosts-error"
            message={fieldError(state, 'vhosts') ?? vhostHint ?? undefined}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="ssl_enable"
            checked={ssl}
            onChange={(event) => setSsl(event.target.checked)}
          />
          Accept HTTPS (SSL)
        </label>
        <p className="text-sm" aria-live="polite">
          {price
            ? `Cost: ${formatCostRate(price.perHour + (ssl ? price.sslPerHour : 0))}. ${MONTH_NOTE}`
            : 'Cost: unknown — this endpoint publishes no price for load balancers.'}
        </p>
        {state.status === 'ok' && state.data.kind === 'unvalidated' ? (
          <DnsRecordsPanel records={state.data.records} />
        ) : null}
        <ActionMessage state={state.status === 'ok' ? idleState : state} />
        <SubmitButton pendingLabel="Creating…" disabled={datacenters.length === 0}>
          Create load balancer
        </SubmitButton>
      </form>
      {state.status === 'ok' && state.data.kind === 'started' ? (
        <OperationProgress
          key={state.data.operations.map((op) => op.id).join(',')}
          title="Creating the load balancer"
          ids={state.data.operations.map((op) => op.id)}
          refreshOnDone
        />
      ) : null}
    </section>
  );
}
