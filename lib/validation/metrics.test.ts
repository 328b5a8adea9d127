import { describe, expect, it } from 'vitest';
import {
  buildMetricQuery,
  formatMetricDate,
  METRIC_RANGES,
  metricRangeSchema,
  metricWindow,
} from './metrics';

describe('metric range from the URL', () => {
  it.each(['24h', '7d'])('accepts %s', (value) => {
    expect(metricRangeSchema.parse(value)).toBe(value);
  });
  it.each([undefined, '', '30d', '24H', 7, null])('falls back to 24h for %s', (value) => {
    expect(metricRangeSchema.parse(value)).toBe('24h');
  });
  it('takes the first of a repeated parameter', () => {
    expect(metricRangeSchema.parse(['7d', '24h'])).toBe('7d');
  });
});

describe('metric dates', () => {
  it('formats in UTC as the API expects', () => {
    expect(formatMetricDate(new Date('2026-03-08T09:05:07Z'))).toBe('2026-03-08 09:05:07');
  });
  it('refuses an invalid date', () => {
    expect(() => formatMetricDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('metric windows', () => {
  it('24 hours: 24 hourly buckets ending at the last full hour', () => {
    const window = metricWindow(METRIC_RANGES['24h'], new Date('2026-11-27T19:47:28Z'));
    expect(window.end.toISOString()).toBe('2026-11-27T19:00:00.000Z');
    expect(window.start.toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect(window.buckets).toHaveLength(24);
    expect(window.buckets[23]?.toISOString()).toBe('2026-11-27T18:00:00.000Z');
  });

  it('7 days: 28 buckets of 6 hours aligned on 00/06/12/18 UTC', () => {
    const window = metricWindow(METRIC_RANGES['7d'], new Date('2026-11-27T19:47:28Z'));
    expect(window.end.toISOString()).toBe('2026-11-27T18:00:00.000Z');
    expect(window.start.toISOString()).toBe('2026-11-20T18:00:00.000Z');
    expect(window.buckets).toHaveLength(28);
  });

  it('on a boundary, the window ends there', () => {
    const window = metricWindow(METRIC_RANGES['24h'], new Date('2026-11-27T00:00:00Z'));
    expect(window.end.toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });
});

describe('metric query', () => {
  it('asks for a sum per hour of one VM', () => {
    const range = METRIC_RANGES['24h'];
    const window = metricWindow(range, new Date('2026-11-27T19:47:28Z'));
    expect(buildMetricQuery(42, 'network', range, window)).toEqual({
      query: 'vif.bytes.all',
      resource_id: [42],
      resource_type: 'vm',
      start: '2026-11-26 19:00:00',
      end: '2026-11-27 19:00:00',
      sampler: { function: 'sum', unit: 'hours', value: 1 },
    });
  });

  it('asks for disk I/O per 6 hours over a week', () => {
    const range = METRIC_RANGES['7d'];
    const window = metricWindow(range, new Date('2026-11-27T19:47:28Z'));
    const query = buildMetricQuery(7, 'disk', range, window);
    expect(query.query).toBe('vbd.bytes.all');
    expect(query.sampler).toEqual({ function: 'sum', unit: 'hours', value: 6 });
  });
});
