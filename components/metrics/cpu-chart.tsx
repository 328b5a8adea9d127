import { lineStats, type ChartData } from './chart-data';
import { ChartValuesTable } from './chart-values-table';
import { formatBucket, linePath, scaleLinear } from './chart-scale';

const WIDTH = 320;
const HEIGHT = 72;
const PAD = 4;
const seconds = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** "CPU time, last 24 hours: 1,234 s in total, peak 88 s per hour at 25 Nov, 14:00 UTC." */
export function cpuSummary(data: ChartData, rangeLabel: string, perStep: string): string {
  const line = data.lines[0];
  const stats = line ? lineStats(line.values) : null;
  if (!stats?.peak) return `CPU time, ${rangeLabel.toLowerCase()}: no data.`;
  const at = data.buckets[stats.peak.index];
  return (
    `CPU time, ${rangeLabel.toLowerCase()}: ${seconds.format(stats.total)} s in total, ` +
    `peak ${seconds.format(stats.peak.value)} s ${perStep}${at ? ` at ${formatBucket(new Date(at))}` : ''}.`
  );
}

/**
 * A small CPU chart for the VM page: plain SVG (no chart library), one `role="img"` with a
 * summary, and every value in a table under a disclosure for those who cannot see the line.
 */
export function CpuChart({
  data,
  rangeLabel,
  perStep,
}: {
  data: ChartData;
  rangeLabel: string;
  perStep: string;
}) {
  const values = data.lines[0]?.values ?? [];
  const max = Math.max(1, ...values.map((value) => value ?? 0));
  const y = scaleLinear([0, max], [HEIGHT - PAD, PAD]);
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const hasData = values.some((value) => value !== null);
  return (
    <div className="space-y-2">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {rangeLabel}, seconds of CPU time {perStep} (UTC; hosting.metric.query vcpu.time.all).
      </p>
      {hasData ? (
        <svg
          role="img"
          aria-label={cpuSummary(data, rangeLabel, perStep)}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-20 w-full"
          preserveAspectRatio="none"
        >
          <line
            x1={PAD}
            x2={WIDTH - PAD}
            y1={HEIGHT - PAD}
            y2={HEIGHT - PAD}
            className="stroke-zinc-300 dark:stroke-zinc-700"
            strokeWidth="1"
          />
          <path
            d={linePath(values, (index) => PAD + index * step, y)}
            fill="none"
            strokeWidth="2"
            vectorEffect="non-scaling-stroke"
            className="stroke-teal-600 dark:stroke-teal-400"
          />
        </svg>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No data was recorded for this period.
        </p>
      )}
      <p className="text-sm">{cpuSummary(data, rangeLabel, perStep)}</p>
      <ChartValuesTable
        summary="Values as a table"
        caption={`CPU time ${perStep}, ${rangeLabel.toLowerCase()}`}
        data={data}
        columns={['CPU seconds']}
        formatValue={(value) => seconds.format(value)}
      />
    </div>
  );
}
