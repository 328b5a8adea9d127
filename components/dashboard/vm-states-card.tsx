import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { getVmStateCounts } from '@/lib/dal/account';
import { load } from '@/lib/dal/load';
import type { GandiConnection } from '@/lib/gandi';

const number = new Intl.NumberFormat('en');

export async function VmStatesCard({ conn }: { conn: GandiConnection }) {
  const result = await load(() => getVmStateCounts(conn));
  if (!result.ok) return <ErrorPanel title="Server counts unavailable" message={result.message} />;
  const { total, byState, other } = result.data;
  if (total === 0) {
    return (
      <Card title="Servers">
        <EmptyState
          title="No servers yet"
          description="Pick a datacenter, an image and a size: the wizard shows the exact API call before it runs."
          action={{ href: '/vms/new', label: 'Create your first server' }}
        />
      </Card>
    );
  }
  const shown = byState.filter((entry) => entry.count > 0);
  return (
    <Card
      title="Servers"
      actions={
        <Link href="/vms/new" className={buttonClasses('secondary', 'sm')}>
          Create server
        </Link>
      }
    >
      <p className="mb-3 text-2xl font-semibold tabular-nums">
        {number.format(total)}{' '}
        <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">in total</span>
      </p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {shown.map(({ state, count }) => (
          <li key={state}>
            <Link
              href={`/vms?state=${state}`}
              className="flex items-center justify-between rounded-md border border-zinc-200 px-3 py-2 text-sm hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800"
            >
              <span>{state.replace(/_/g, ' ')}</span>
              <span className="font-semibold tabular-nums">{number.format(count)}</span>
            </Link>
          </li>
        ))}
        {other > 0 ? (
          <li className="flex items-center justify-between rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
            <span>other</span>
            <span className="font-semibold tabular-nums">{number.format(other)}</span>
          </li>
        ) : null}
      </ul>
    </Card>
  );
}
