/**
 * From `hosting.metric.query` series to what a chart draws: one value per bucket per line.
 * Pure and serialisable (ISO strings, numbers), so a server page can hand it to any component.
 */
import type { MetricSeries } from '@/lib/gandi/types';

export interface ChartLine {
  /** The dimension value, e.g. `in`. */
  key: string;
  label: string;
  /** One per bucket; null when the API returned no point for it (not the same as 0). */
  values: (number | null)[];
}

export interface ChartData {
  /** Bucket starts, ISO 8601 UTC, oldest first. */
  buckets: string[];
  stepMs: number;
  lines: ChartLine[];
}

/**
 * Sums, per bucket, every series whose `dimension` equals each wanted line (a VM with several
 * interfaces or disks yields several series per direction). A point lands in the bucket its
 * timestamp falls in; points outside the window are ignored.
 */
export function bucketSeries(
  series: readonly MetricSeries[],
  options: {
    /** Null: every series counts for every line (a metric without a split). */
    dimension: string | null;
    lines: readonly { key: string; label: string }[];
    buckets: readonly Date[];
    stepMs: number;
  },
): ChartData {
  const { dimension, buckets, stepMs } = options;
  const first = buckets[0]?.getTime() ?? 0;
  const lines = options.lines.map(({ key, label }): ChartLine => {
    const values: (number | null)[] = buckets.map(() => null);
    for (const one of series) {
      if (dimension !== null && one.dimensions[dimension] !== key) continue;
      for (const point of one.points) {
        if (point.value === null || !Number.isFinite(point.value)) continue;
        const index = Math.floor((point.timestamp.getTime() - first) / stepMs);
        if (index < 0 || index >= values.length) continue;
        values[index] = (values[index] ?? 0) + point.value;
      }
    }
    return { key, label, values };
  });
  return { buckets: buckets.map((bucket) => bucket.toISOString()), stepMs, lines };
}

export interface LineStats {
  total: number;
  peak: { value: number; index: number } | null;
  /** Buckets with a value. */
  points: number;
}

export function lineStats(values: readonly (number | null)[]): LineStats {
  let total = 0;
  let points = 0;
  let peak: LineStats['peak'] = null;
  values.forEach((value, index) => {
    if (value === null) return;
    total += value;
    points += 1;
    if (!peak || value > peak.value) peak = { value, index };
  });
  return { total, peak, points };
}

/** The largest value of any line (0 when there is none). */
export function chartMax(data: ChartData): number {
  let max = 0;
  for (const line of data.lines) {
    for (const value of line.values) if (value !== null && value > max) max = value;
  }
  return max;
}
