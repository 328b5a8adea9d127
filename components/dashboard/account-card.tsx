import { Card } from '@/components/ui/card';
import { ErrorPanel } from '@/components/ui/error-panel';
import { getAccountSummary } from '@/lib/dal/account';
import { load } from '@/lib/dal/load';
import { formatRunway, runway } from '@/lib/dal/runway';
import type { GandiConnection } from '@/lib/gandi';
import { formatCredits, HOURS_PER_MONTH } from '@/lib/cost/format';

const number = new Intl.NumberFormat('en');

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</dd> : null}
    </div>
  );
}

export async function AccountCard({ conn }: { conn: GandiConnection }) {
  const result = await load(() => getAccountSummary(conn));
  if (!result.ok) return <ErrorPanel title="Account unavailable" message={result.message} />;
  const { handle, fullname, credits, burnPerHour } = result.data;
  const left = runway(credits, burnPerHour);
  return (
    <Card title="Account">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Handle" value={handle} {...(fullname ? { hint: fullname } : {})} />
        <Stat label="Credits" value={number.format(credits)} />
        <Stat
          label="Burn per hour"
          value={formatCredits(burnPerHour)}
          hint={`${formatCredits(Math.round(burnPerHour * HOURS_PER_MONTH))} per month (730 hours)`}
        />
        <Stat
          label="Runway"
          value={formatRunway(left)}
          hint={left ? 'at the current burn rate' : 'nothing is billed right now'}
        />
      </dl>
      {credits === 0 ? (
        <p className="mt-3 text-sm text-amber-800 dark:text-amber-300">
          This account has no credits: buy credits at Gandi before creating servers.
        </p>
      ) : null}
    </Card>
  );
}
