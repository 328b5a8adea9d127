import type { RawMetricAvailability, RawMetricSeries } from './raw-types';
import { reshapeMetricAvailability, reshapeMetricSeries } from './reshape';
import { asListOf, optionsParam, read } from './rpc';
import type { GandiConnection, MetricAvailability, MetricQuery, MetricSeries } from './types';

/** `hosting.metric.available`: which metrics exist per resource type. */
export function metricAvailable(
  conn: GandiConnection,
  options?: { resource?: string },
): Promise<MetricAvailability[]> {
  return read(
    conn,
    'hosting.metric.available',
    optionsParam(options),
    asListOf<RawMetricAvailability, MetricAvailability>(
      'metric availability',
      reshapeMetricAvailability,
    ),
  );
}

/** `hosting.metric.query`: time series, one per resource and dimension (e.g. direction in/out). */
export function metricQuery(conn: GandiConnection, query: MetricQuery): Promise<MetricSeries[]> {
  return read(
    conn,
    'hosting.metric.query',
    [{ ...query }],
    asListOf<RawMetricSeries, MetricSeries>('metric series', reshapeMetricSeries),
  );
}
