import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { observeCalls } from '@/lib/gandi/call-observer';

/**
 * The panel's Prometheus metrics (GET /metrics, behind METRICS_TOKEN). One registry per process,
 * on globalThis so that every bundle of the app counts into it. Labels are bounded: XML-RPC method
 * names and error kinds, never ids, keys or addresses.
 */
export interface PanelMetrics {
  registry: Registry;
  upstreamCalls: Counter<'method' | 'outcome'>;
  upstreamSeconds: Histogram<'method' | 'outcome'>;
  sseClients: Gauge;
  watcherPolls: Counter;
  jobFailures: Counter<'kind'>;
  jobQueueDepth: Gauge<'state'>;
}

const holder = globalThis as typeof globalThis & { __panelMetrics?: PanelMetrics };

export function createPanelMetrics(): PanelMetrics {
  const registry = new Registry();
  const metrics: PanelMetrics = {
    registry,
    upstreamCalls: new Counter({
      name: 'panel_upstream_calls_total',
      help: 'XML-RPC calls to the Gandi endpoint, by method and outcome (ok or the error kind)',
      labelNames: ['method', 'outcome'],
      registers: [registry],
    }),
    upstreamSeconds: new Histogram({
      name: 'panel_upstream_call_duration_seconds',
      help: 'Latency of XML-RPC calls to the Gandi endpoint',
      labelNames: ['method', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers: [registry],
    }),
    sseClients: new Gauge({
      name: 'panel_sse_clients',
      help: 'Open live-operation streams on this replica',
      registers: [registry],
    }),
    watcherPolls: new Counter({
      name: 'panel_watcher_polls_total',
      help: 'operation.list calls made by the operation watchers of this replica',
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'panel_job_failures_total',
      help: 'Durable jobs that ended failed, by kind',
      labelNames: ['kind'],
      registers: [registry],
    }),
    jobQueueDepth: new Gauge({
      name: 'panel_job_queue_depth',
      help: 'Durable jobs not finished yet, by state (shared by every replica)',
      labelNames: ['state'],
      registers: [registry],
    }),
  };
  return metrics;
}

/** The process's metrics; the first call also starts counting upstream calls. */
export function panelMetrics(): PanelMetrics {
  if (holder.__panelMetrics) return holder.__panelMetrics;
  const metrics = createPanelMetrics();
  observeCalls((method, outcome, seconds) => {
    metrics.upstreamCalls.inc({ method, outcome });
    metrics.upstreamSeconds.observe({ method, outcome }, seconds);
  });
  holder.__panelMetrics = metrics;
  return metrics;
}
