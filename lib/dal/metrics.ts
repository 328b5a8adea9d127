import 'server-only';
import { notFound } from 'next/navigation';
import {
  GandiError,
  metricAvailable,
  metricQuery,
  vmInfo,
  type GandiConnection,
} from '@/lib/gandi';
import type { Id } from '@/lib/gandi/types';
import { bucketSeries, type ChartData } from '@/components/metrics/chart-data';
import {
  buildMetricQuery,
  METRIC_RANGES,
  metricWindow,
  VM_METRICS,
  type MetricRangeId,
  type VmMetricKind,
} from '@/lib/validation/metrics';

/** Words for each line of the charts (the API's dimension values are `in`, `out`, `read`, `write`). */
const LINE_LABELS: Record<VmMetricKind, Record<string, string>> = {
  network: { in: 'Received (in)', out: 'Sent (out)' },
  disk: { read: 'Read', write: 'Written' },
  cpu: { all: 'CPU time' },
};

export interface VmMetricChart {
  kind: VmMetricKind;
  data: ChartData;
}

/**
 * One metric of one VM over `range`, as chart data: `hosting.metric.query` with a sum per bucket,
 * the split series (one per direction, and per interface or disk) summed per bucket. `now` is a
 * parameter so a page renders one consistent window for both charts.
 */
export async function getVmMetricChart(
  conn: GandiConnection,
  vmId: Id,
  kind: VmMetricKind,
  rangeId: MetricRangeId,
  now: Date,
): Promise<VmMetricChart> {
  const range = METRIC_RANGES[rangeId];
  const window = metricWindow(range, now);
  const series = await metricQuery(conn, buildMetricQuery(vmId, kind, range, window));
  const spec = VM_METRICS[kind];
  const data = bucketSeries(series, {
    dimension: spec.dimension,
    lines: spec.lines.map((key) => ({ key, label: LINE_LABELS[kind][key] ?? key })),
    buckets: window.buckets,
    stepMs: range.stepMs,
  });
  return { kind, data };
}

/** What the metrics page's heading needs; a VM of another account or deleted is a 404. */
export async function getVmHeadingOrNotFound(
  conn: GandiConnection,
  vmId: Id,
): Promise<{ id: Id; hostname: string; state: string }> {
  try {
    const vm = await vmInfo(conn, vmId);
    return { id: vm.id, hostname: vm.hostname, state: vm.state };
  } catch (err) {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') notFound();
    throw err;
  }
}

/**
 * The CPU metrics `hosting.metric.available` offers for VMs (none on Gandi's documented API nor in
 * the simulator: only `vif.*` and `vbd.*`), and everything it offers, so the page can say why it
 * has no CPU chart instead of leaving it out silently.
 */
export async function getVmCpuMetrics(
  conn: GandiConnection,
): Promise<{ cpu: string[]; offered: string[] }> {
  const available = await metricAvailable(conn, { resource: 'vm' });
  const offered = available
    .filter((entry) => entry.resourceType === 'vm')
    .flatMap((entry) => entry.metrics);
  return { cpu: offered.filter((name) => /cpu/i.test(name)), offered };
}
