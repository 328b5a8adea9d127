import Link from 'next/link';
import { CpuChart } from '@/components/metrics/cpu-chart';
import { textLinkClasses } from '@/components/ui/text-link';
import { DetailCard } from '@/components/vms/detail-card';
import { load } from '@/lib/dal/load';
import { getVmCpuMetrics, getVmMetricChart } from '@/lib/dal/metrics';
import type { GandiConnection } from '@/lib/gandi';
import { METRIC_RANGES, VM_METRICS } from '@/lib/validation/metrics';

/**
 * The VM's CPU time over the last 24 hours when the endpoint offers it (`hosting.metric.available`
 * for VMs lists `vcpu.time.all`); otherwise the page says plainly that there is none. Streamed
 * after the page's first paint: two calls of its own.
 */
export async function CpuSection({ conn, vmId }: { conn: GandiConnection; vmId: number }) {
  const range = METRIC_RANGES['24h'];
  const loaded = await load(async () => {
    const { cpu, offered } = await getVmCpuMetrics(conn);
    if (!cpu.includes(VM_METRICS.cpu.query)) return { chart: null, offered };
    return { chart: await getVmMetricChart(conn, vmId, 'cpu', range.id, new Date()), offered };
  });
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
