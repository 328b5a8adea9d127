'use client';

import { IpAddress } from '@/components/ui/ip-address';
import { useState } from 'react';
import { probeAction } from '@/app/(panel)/load-balancers/actions';
import { ActionMessage } from '@/components/ui/action-message';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select';
import { DetailCard } from '@/components/vms/detail-card';
import { useStartedActionState } from '@/components/vms/use-started-operations';
import { fieldError, idleState } from '@/lib/action-state';
import { PROBE_METHODS } from '@/lib/validation/rproxy';
import type { Follow, RproxyView } from './types';

/** The numeric settings: key, label, and the value shown while Gandi has none. */
const NUMBERS = [
  ['response', 'Expected status', 200],
  ['interval', 'Interval (s)', 10],
  ['timeout', 'Timeout (s)', 5],
  ['window', 'Window (probes)', 5],
  ['threshold', 'Threshold (failures)', 3],
] as const;

/**
 * The health check: settings, on/off, "Save probe", and "Test probe", which tries the settings as
 * typed (without saving) and shows each backend's answer.
 */
export function ProbeCard({ rproxy, follow }: { rproxy: RproxyView; follow: Follow }) {
  // A test answers with results and starts nothing; a save starts an operation, followed live.
  const [state, action, pending] = useStartedActionState(probeAction, (data) => {
    if (data.kind === 'saved') follow('Save the probe')(data);
  });
  const p = rproxy.probe;
  const [values, setValues] = useState<Record<string, string>>({
    host: p.host ?? '',
    url: p.url ?? '/',
    method: p.method ?? 'GET',
    ...Object.fromEntries(NUMBERS.map(([key, , fallback]) => [key, String(p[key] ?? fallback)])),
  });
  const [enabled, setEnabled] = useState(p.enabled);
  // What every field of the form shares: its name is the setting's, and the server's error key.
  const field = (key: string) => ({
    name: key,
    id: `probe-${key}`,
    value: values[key],
    onChange: (event: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: event.target.value })),
    error: fieldError(state, key),
  });
  const tested = state.status === 'ok' && state.data.kind === 'tested' ? state.data.result : null;
  const ready = rproxy.state === 'running';

  return (
    <DetailCard id="rproxy-probe" title="Health probe">
      <form action={action} className="space-y-3" noValidate>
        <input type="hidden" name="rproxy_id" value={rproxy.id} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField {...field('url')} label="URL path" spellCheck={false} />
          <SelectField
            {...field('method')}
            label="Method"
            options={PROBE_METHODS.map((m) => ({ value: m, label: m }))}
          />
          <TextField {...field('host')} label="Host header (optional)" spellCheck={false} />
          {NUMBERS.map(([key, label]) => (
            <TextField key={key} {...field(key)} label={label} inputMode="numeric" />
          ))}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="enable"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />
          Probe on: backends that fail it stop taking traffic
        </label>
        <ActionMessage state={state.status === 'ok' ? idleState : state} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="save" disabled={pending || !ready}>
            Save probe
          </Button>
          <Button
            type="submit"
            name="intent"
            value="test"
            variant="secondary"
            disabled={pending || !ready}
          >
            {pending ? 'Working…' : 'Test probe'}
          </Button>
        </div>
      </form>
      {tested ? (
        <section aria-label="Probe test results" className="mt-3 space-y-2" role="status">
          <p className="text-sm">
            Overall: {tested.status === 0 ? 'no backend answered' : `status ${tested.status}`}
          </p>
          <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            {tested.backends.map((b) => (
              <li key={b.label} className="flex flex-wrap items-center gap-2 py-1">
                <span className="min-w-0 flex-1">
                  <IpAddress ip={b.label} />
                </span>
                <Badge tone={b.ok ? 'success' : 'danger'}>
                  {b.status === 0
                    ? `timed out after ${b.seconds} s`
                    : `${b.status} in ${b.seconds} s`}
                </Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </DetailCard>
  );
}
