import { describe, expect, it } from 'vitest';
import type { MetricSeries } from '@/lib/gandi/types';
import { bucketSeries, chartMax, lineStats } from './chart-data';

const HOUR = 3_600_000;
const start = Date.parse('2026-11-27T00:00:00Z');
const buckets = [0, 1, 2, 3].map((i) => new Date(start + i * HOUR));

function series(direction: string, points: [number, number | null][]): MetricSeries {
  return {
    metric: 'vif.bytes',
    resourceId: 1,
    resourceType: 'vm',
    dimensions: { direction, type: 'public' },
    points: points.map(([hour, value]) => ({ timestamp: new Date(start + hour * HOUR), value })),
  };
}

const lines = [
  { key: 'in', label: 'Received' },
  { key: 'out', label: 'Sent' },
];

describe('bucketSeries', () => {
  it('puts each point in its bucket, per line, and keeps the bucket starts', () => {
    const data = bucketSeries(
      [
        series('in', [
          [0, 10],
          [1, 20],
          [3, 40],
        ]),
        series('out', [[2, 5]]),
      ],
      { dimension: 'direction', lines, buckets, stepMs: HOUR },
    );
    expect(data.buckets).toEqual([
      '2026-11-27T00:00:00.000Z',
      '2026-11-27T01:00:00.000Z',
      '2026-11-27T02:00:00.000Z',
      '2026-11-27T03:00:00.000Z',
    ]);
    expect(data.lines).toEqual([
      { key: 'in', label: 'Received', values: [10, 20, null, 40] },
      { key: 'out', label: 'Sent', values: [null, null, 5, null] },
    ]);
  });

  it('without a dimension (CPU time), sums every series into the one line', () => {
    const cpu = (points: [number, number][]): MetricSeries => ({
      ...series('in', points),
      metric: 'vcpu.time',
      dimensions: {},
    });
    const data = bucketSeries(
      [
        cpu([[0, 12]]),
        cpu([
          [0, 3],
          [2, 7],
        ]),
      ],
      {
        dimension: null,
        lines: [{ key: 'all', label: 'CPU time' }],
        buckets,
        stepMs: HOUR,
      },
    );
    expect(data.lines).toEqual([{ key: 'all', label: 'CPU time', values: [15, null, 7, null] }]);
  });

  it('sums several series of the same direction (several interfaces)', () => {
    const data = bucketSeries([series('in', [[1, 20]]), series('in', [[1, 2.5]])], {
      dimension: 'direction',
      lines,
      buckets,
      stepMs: HOUR,
    });
    expect(data.lines[0]?.values).toEqual([null, 22.5, null, null]);
  });

  it('keeps a zero as zero and a null point as "no data"', () => {
    const data = bucketSeries(
      [
        series('in', [
          [0, 0],
          [1, null],
        ]),
      ],
      { dimension: 'direction', lines, buckets, stepMs: HOUR },
    );
    expect(data.lines[0]?.values).toEqual([0, null, null, null]);
  });

  it('drops points outside the window and series of other dimensions', () => {
    const data = bucketSeries(
      [
        series('in', [
          [-1, 99],
          [4, 99],
          [0.5, 7],
        ]),
        series('read', [[0, 1]]),
      ],
      { dimension: 'direction', lines, buckets, stepMs: HOUR },
    );
    expect(data.lines[0]?.values).toEqual([7, null, null, null]);
    expect(data.lines[1]?.values).toEqual([null, null, null, null]);
  });
});

describe('lineStats and chartMax', () => {
  it('totals, counts and finds the peak, skipping gaps', () => {
    expect(lineStats([1, null, 5, 2])).toEqual({
      total: 8,
      points: 3,
      peak: { value: 5, index: 2 },
    });
    expect(lineStats([null])).toEqual({ total: 0, points: 0, peak: null });
  });

  it('finds the largest value across lines', () => {
    expect(
      chartMax({
        buckets: [],
        stepMs: HOUR,
        lines: [
          { key: 'a', label: 'A', values: [1, null, 3] },
          { key: 'b', label: 'B', values: [9, 2] },
        ],
      }),
    ).toBe(9);
    expect(chartMax({ buckets: [], stepMs: HOUR, lines: [] })).toBe(0);
  });
});
