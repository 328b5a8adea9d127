import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { MetricChart } from '@/components/metrics/metric-chart';
import { RangeLinks } from '@/components/metrics/range-links';
import { VmSubpageHeader } from '@/components/metrics/vm-subpage-header';
import { ErrorPanel } from '@/components/ui/error-panel';
import { CardSkeleton } from '@/components/ui/skeleton';
import { requireSession } from '@/lib/dal/auth';
import { load } from '@/lib/dal/load';
import { getVmCpuMetrics, getVmHeadingOrNotFound, getVmMetricChart } from '@/lib/dal/metrics';
import {
  METRIC_RANGES,
  metricRangeSchema,
  type MetricRangeId,
  type VmMetricKind,
} from '@/lib/validation/metrics';
import { idField } from '@/lib/validation/vm';

export const metadata: Metadata = { title: 'VM metrics' };

const CHART_TITLES: Record<VmMetricKind, string> = {
  network: 'Network traffic',
  disk: 'Disk I/O',
  cpu: 'CPU time',
};

export default async function VmMetricsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsedId = idField.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const rangeId = metricRangeSchema.parse((await searchParams).range);
  const { conn } = await requireSession();
  const loaded = await load(() => getVmHeadingOrNotFound(conn, parsedId.data));
  if (!loaded.ok) return <ErrorPanel title="This VM could not load" message={loaded.message} />;
  const vm = loaded.data;
  const range = METRIC_RANGES[rangeId];
  // One instant for both charts, so their windows match.
  const now = new Date();
  return (
    <>
      <VmSubpageHeader
        vm={vm}
        section="metrics"
        title="Metrics"
        description={`Bytes summed ${range.perStep} from hosting.metric.query; the tables also give the average rate per second.`}
        actions={<RangeLinks basePath={`/vms/${vm.id}/metrics`} current={rangeId} />}
      />
      <div className="space-y-4">
        {(['network', 'disk'] as const).map((kind) => (
          <Suspense
            key={`${kind}-${rangeId}`}
            fallback={
              <CardSkeleton label={`Loading ${CHART_TITLES[kind].toLowerCase()}…`} lines={6} />
            }
          >
            <ChartSection vmId={vm.id} kind={kind} rangeId={rangeId} now={now} />
          </Suspense>
        ))}
        <Suspense fallback={null}>
          <CpuNote />
        </Suspense>
      </div>
    </>
  );
}

/** Each chart streams on its own: a slow or failing metric does not hold the other back. */
async function ChartSection({
  vmId,
  kind,
  rangeId,
  now,
}: {
  vmId: number;
  kind: VmMetricKind;
  rangeId: MetricRangeId;
  now: Date;
}) {
  const { conn } = await requireSession();
  const loaded = await load(() => getVmMetricChart(conn, vmId, kind, rangeId, now));
  const title = CHART_TITLES[kind];
  if (!loaded.ok) return <ErrorPanel title={`${title} could not load`} message={loaded.message} />;
  const range = METRIC_RANGES[rangeId];
  return (
    <MetricChart
      title={title}
      data={loaded.data.data}
      rangeLabel={range.label}
      perStep={range.perStep}
    />
  );
}

/** Why there is no CPU chart: the API offers no CPU metric (said on the page, not left out). */
async function CpuNote() {
  const { conn } = await requireSession();
  const loaded = await load(() => getVmCpuMetrics(conn));
  if (!loaded.ok) return null;
  const { cpu, offered } = loaded.data;
  return (
    <section
      aria-labelledby="cpu-metric"
      className="rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="cpu-metric" className="font-semibold">
        CPU
      </h2>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        {cpu.length === 0
          ? `No CPU chart: this endpoint offers no CPU metric for VMs (hosting.metric.available lists ${offered.length === 0 ? 'none at all' : offered.join(', ')}).`
          : `This endpoint offers ${cpu.join(', ')}: the CPU chart is on the VM's overview.`}
      </p>
    </section>
  );
}
