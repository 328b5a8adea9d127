import Link from 'next/link';
import { CpuChart } from '@/components/metrics/cpu-chart';
import { textLinkClasses } from '@/components/ui/text-link';
import { DetailCard } from '@/components/vms/detail-card';
import { load } from '@/lib/dal/load';
import { getVmCpuMetrics, getVmMetricChart } from '@/lib/dal/metrics';
import type { GandiConnection } from '@/lib/gandi';
import { METRIC_RANGES, VM_METRICS } from '@/lib/validation/metrics';

const CPU_RANGE = '24h';

/** What is offered, and the chart when CPU time is among it; never rejects (see `load`). */
export function loadCpu(conn: GandiConnection, vmId: number) {
  return load(async () => {
    const { cpu, offered } = await getVmCpuMetrics(conn);
    if (!cpu.includes(VM_METRICS.cpu.query)) return { chart: null, offered };
    return { chart: await getVmMetricChart(conn, vmId, 'cpu', CPU_RANGE, new Date()), offered };
  });
}

/**
 * The VM's CPU time over the last 24 hours when the endpoint offers it (`hosting.metric.available`
 * for VMs lists `vcpu.time.all`); otherwise the page says plainly that there is none. Streamed
 * after the page's first paint: two calls of its own.
 */
export async function CpuSection({
  vmId,
  cpu,
}: {
  vmId: number;
  /** Started by the page beside its own loads (not after them): `loadCpu`. */
  cpu: ReturnType<typeof loadCpu>;
}) {
  const range = METRIC_RANGES[CPU_RANGE];
  const loaded = await cpu;
  return (
    <DetailCard
      id="vm-cpu"
      title="CPU"
      actions={
        <Link href={`/vms/${vmId}/metrics`} className={`text-sm ${textLinkClasses}`}>
          Network and disk metrics
        </Link>
      }
    >
      {!loaded.ok ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The CPU metric could not load: {loaded.message}
        </p>
      ) : loaded.data.chart ? (
        <CpuChart data={loaded.data.chart.data} rangeLabel={range.label} perStep={range.perStep} />
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          No CPU chart: Gandi&apos;s API offers no CPU metric for VMs here (hosting.metric.available
          lists {loaded.data.offered.length === 0 ? 'none at all' : loaded.data.offered.join(', ')}
          ).
        </p>
      )}
    </DetailCard>
  );
}
