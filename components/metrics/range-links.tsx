import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { METRIC_RANGE_IDS, METRIC_RANGES, type MetricRangeId } from '@/lib/validation/metrics';

/** The time range lives in the URL (`?range=7d`), so a chart view can be linked and reloaded. */
export function RangeLinks({ basePath, current }: { basePath: string; current: MetricRangeId }) {
  return (
    <nav
      aria-label="Time range"
      className="flex gap-1 rounded-md border border-zinc-200 p-1 dark:border-zinc-700"
    >
      {METRIC_RANGE_IDS.map((id) => (
        <Link
          key={id}
          href={`${basePath}?range=${id}`}
          aria-current={id === current ? 'page' : undefined}
          className={cn(
            'rounded px-3 py-1 text-sm',
            id === current
              ? 'bg-teal-700 text-white dark:bg-teal-500 dark:text-zinc-950'
              : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800',
          )}
        >
          {METRIC_RANGES[id].label}
        </Link>
      ))}
    </nav>
  );
}
