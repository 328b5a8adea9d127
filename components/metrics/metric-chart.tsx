import { useId } from 'react';
import { chartMax, lineStats, type ChartData } from './chart-data';
import { ChartValuesTable } from './chart-values-table';
import {
  formatBucket,
  formatBytes,
  formatRate,
  linePath,
  scaleLinear,
  timeTicks,
  yScale,
} from './chart-scale';

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 76 } as const;
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** Colour and dash per line position: the dash keeps lines apart without relying on colour. */
const LINE_STYLES = [
  { stroke: 'stroke-teal-600 dark:stroke-teal-400', dash: undefined },
  { stroke: 'stroke-amber-600 dark:stroke-amber-400', dash: '6 4' },
] as const;

export interface MetricChartProps {
  /** Also the figure's heading, e.g. "Network traffic". */
  title: string;
  data: ChartData;
  /** e.g. "Last 24 hours". */
  rangeLabel: string;
  /** e.g. "per hour". */
  perStep: string;
}

/** A sentence a screen reader reads for the chart: what, when, and each line's total and peak. */
export function chartSummary({ title, data, rangeLabel, perStep }: MetricChartProps): string {
  const parts = data.lines.map((line) => {
    const stats = lineStats(line.values);
    if (!stats.peak) return `${line.label}: no data`;
    const at = data.buckets[stats.peak.index];
    return `${line.label}: ${formatBytes(stats.total)} in total, peak ${formatBytes(stats.peak.value)} ${perStep}${at ? ` at ${formatBucket(new Date(at))}` : ''}`;
  });
  return `${title}, ${rangeLabel.toLowerCase()}, bytes ${perStep}. ${parts.join('. ')}.`;
}

/**
 * A line chart drawn as plain SVG (no chart library): one point per bucket at the bucket's middle,
 * gaps where the API had no data, a y axis of round byte values and UTC time labels. The SVG is
 * one `role="img"` with a summary; every point is in the table below it.
 */
export function MetricChart(props: MetricChartProps) {
  const { title, data, rangeLabel, perStep } = props;
  const headingId = useId();
  const count = data.buckets.length;
  const hasData = data.lines.some((line) => line.values.some((value) => value !== null));
  const scale = yScale(chartMax(data));
  const y = scaleLinear([0, scale.top], [MARGIN.top + PLOT_H, MARGIN.top]);
  const bucketWidth = count > 0 ? PLOT_W / count : PLOT_W;
  const xStart = (index: number) => MARGIN.left + index * bucketWidth;
  const xMiddle = (index: number) => xStart(index) + bucketWidth / 2;
  const ticks = timeTicks(
    data.buckets.map((bucket) => new Date(bucket)),
    count * data.stepMs,
  );
  const stepSeconds = data.stepMs / 1000;

  return (
    <figure
      aria-labelledby={headingId}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {rangeLabel}, bytes {perStep} (UTC)
        </span>
      </figcaption>
      {!hasData ? (
        <p className="py-8 text-center text-sm text-zinc-600 dark:text-zinc-400">
          No data was recorded for this period.
        </p>
      ) : (
        <>
          <ul className="mb-2 flex flex-wrap gap-4 text-sm" aria-hidden="true">
            {data.lines.map((line, index) => (
              <li key={line.key} className="flex items-center gap-2">
                <svg width="24" height="8" viewBox="0 0 24 8">
                  <line
                    x1="0"
                    y1="4"
                    x2="24"
                    y2="4"
                    strokeWidth="2.5"
                    strokeDasharray={LINE_STYLES[index % 2]?.dash}
                    className={LINE_STYLES[index % 2]?.stroke}
                  />
                </svg>
                {line.label}
              </li>
            ))}
          </ul>
          {/* Below ~36rem the labels would shrink past legibility: scroll sideways instead. */}
          <div className="overflow-x-auto">
            <svg
              role="img"
              aria-label={chartSummary(props)}
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              className="h-auto w-full min-w-[36rem] text-zinc-600 dark:text-zinc-400"
            >
              {scale.ticks.map((tick) => (
                <g key={tick}>
                  <line
                    x1={MARGIN.left}
                    x2={WIDTH - MARGIN.right}
                    y1={y(tick)}
                    y2={y(tick)}
                    className="stroke-zinc-200 dark:stroke-zinc-700"
                    strokeWidth="1"
                  />
                  <text
                    x={MARGIN.left - 8}
                    y={y(tick)}
                    textAnchor="end"
                    dominantBaseline="middle"
                    className="fill-current text-[11px]"
                  >
                    {formatBytes(tick, scale.unit)}
                  </text>
                </g>
              ))}
              {ticks.map((tick) => (
                <g key={tick.index}>
                  <line
                    x1={xStart(tick.index)}
                    x2={xStart(tick.index)}
                    y1={MARGIN.top + PLOT_H}
                    y2={MARGIN.top + PLOT_H + 5}
                    className="stroke-current"
                  />
                  <text
                    x={xStart(tick.index)}
                    y={MARGIN.top + PLOT_H + 18}
                    textAnchor="middle"
                    className="fill-current text-[11px]"
                  >
                    {tick.label}
                  </text>
                </g>
              ))}
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={MARGIN.top + PLOT_H}
                y2={MARGIN.top + PLOT_H}
                className="stroke-current"
              />
              <text
                x={MARGIN.left + PLOT_W / 2}
                y={HEIGHT - 4}
                textAnchor="middle"
                className="fill-current text-[11px]"
              >
                Time (UTC)
              </text>
              <text
                transform={`translate(14 ${MARGIN.top + PLOT_H / 2}) rotate(-90)`}
                textAnchor="middle"
                className="fill-current text-[11px]"
              >
                {`${scale.unit.unit} ${perStep}`}
              </text>
              {data.lines.map((line, index) => (
                <path
                  key={line.key}
                  d={linePath(line.values, xMiddle, y)}
                  fill="none"
                  strokeWidth="2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  strokeDasharray={LINE_STYLES[index % 2]?.dash}
                  className={LINE_STYLES[index % 2]?.stroke}
                />
              ))}
            </svg>
          </div>
          <div className="mt-3">
            <ChartValuesTable
              summary={`${title}: every point as a table`}
              caption={`${title}, ${rangeLabel.toLowerCase()}: bytes ${perStep} and the average rate`}
              data={data}
              formatValue={(value) => `${formatBytes(value)} (${formatRate(value, stepSeconds)})`}
            />
          </div>
        </>
      )}
    </figure>
  );
}
