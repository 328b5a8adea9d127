/**
 * Rules for the VM metrics page: which time ranges exist, how each is sampled, and the exact
 * `hosting.metric.query` filter built from them. No server-only imports (the page's range links
 * use the same list).
 *
 * The API sums raw samples into buckets (`sampler`); we ask for a sum per bucket, so a point is
 * "bytes transferred during that hour (or 6 hours)", and the bucket grid is aligned on UTC
 * boundaries so the same range asked twice in the same hour gives the same buckets.
 */
import { z } from 'zod';
import type { Id, MetricQuery } from '@/lib/gandi/types';

const HOUR_MS = 60 * 60 * 1000;

export interface MetricRange {
  /** Value in the URL (`?range=`). */
  id: MetricRangeId;
  label: string;
  durationMs: number;
  /** One bucket: the sampler's step, in ms. */
  stepMs: number;
  /** How a point reads in words ("per hour"). */
  perStep: string;
  sampler: MetricQuery['sampler'];
}

export const METRIC_RANGE_IDS = ['24h', '7d'] as const;
export type MetricRangeId = (typeof METRIC_RANGE_IDS)[number];

export const METRIC_RANGES: Record<MetricRangeId, MetricRange> = {
  '24h': {
    id: '24h',
    label: 'Last 24 hours',
    durationMs: 24 * HOUR_MS,
    stepMs: HOUR_MS,
    perStep: 'per hour',
    sampler: { function: 'sum', unit: 'hours', value: 1 },
  },
  '7d': {
    id: '7d',
    label: 'Last 7 days',
    durationMs: 7 * 24 * HOUR_MS,
    stepMs: 6 * HOUR_MS,
    perStep: 'per 6 hours',
    sampler: { function: 'sum', unit: 'hours', value: 6 },
  },
};

/**
 * The metrics the panel charts, with the dimension value each line is drawn from (null: one line,
 * every series summed — CPU time has no split).
 */
export const VM_METRICS = {
  network: { query: 'vif.bytes.all', dimension: 'direction', lines: ['in', 'out'] },
  disk: { query: 'vbd.bytes.all', dimension: 'direction', lines: ['read', 'write'] },
  cpu: { query: 'vcpu.time.all', dimension: null, lines: ['all'] },
} as const;
export type VmMetricKind = keyof typeof VM_METRICS;

/** `?range=` from the URL: anything unknown (or repeated) falls back to the last 24 hours. */
export const metricRangeSchema = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z.enum(METRIC_RANGE_IDS).catch('24h'),
);

/** `'%Y-%m-%d %H:%M:%S'` in UTC, the form gandi.cli sends (the API's metric dates are UTC). */
export function formatMetricDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

export interface MetricWindow {
  start: Date;
  end: Date;
  /** The start of every bucket in the window, oldest first. */
  buckets: Date[];
}

/**
 * The window ending at the last completed bucket boundary before `now` (so the newest point is a
 * whole hour, not a partial one). Buckets are counted from the Unix epoch, i.e. in UTC.
 */
export function metricWindow(range: MetricRange, now: Date): MetricWindow {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('Invalid date');
  const endMs = Math.floor(nowMs / range.stepMs) * range.stepMs;
  const startMs = endMs - range.durationMs;
  const count = range.durationMs / range.stepMs;
  const buckets = Array.from({ length: count }, (_, i) => new Date(startMs + i * range.stepMs));
  return { start: new Date(startMs), end: new Date(endMs), buckets };
}

/** The exact filter sent to `hosting.metric.query` for one VM metric. */
export function buildMetricQuery(
  vmId: Id,
  kind: VmMetricKind,
  range: MetricRange,
  window: Pick<MetricWindow, 'start' | 'end'>,
): MetricQuery {
  return {
    query: VM_METRICS[kind].query,
    resource_id: [vmId],
    resource_type: 'vm',
    start: formatMetricDate(window.start),
    end: formatMetricDate(window.end),
    sampler: { ...range.sampler },
  };
}
