import { describe, expect, it } from 'vitest';
import {
  formatBucket,
  formatBytes,
  formatNumber,
  formatRate,
  linePath,
  pickByteUnit,
  scaleLinear,
  timeTicks,
  yScale,
} from './chart-scale';

describe('byte units (decimal)', () => {
  it.each([
    [0, 'B', 1],
    [999, 'B', 1],
    [1000, 'kB', 1000],
    [999_999, 'kB', 1000],
    [1_000_000, 'MB', 1e6],
    [2.5e9, 'GB', 1e9],
    [7e12, 'TB', 1e12],
    [3e18, 'PB', 1e15],
  ])('%d bytes read in %s', (bytes, unit, divisor) => {
    expect(pickByteUnit(bytes)).toEqual({ unit, divisor });
  });

  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1500, '1.5 kB'],
    [12_345, '12.3 kB'],
    [123_456, '123 kB'],
    [1_000_000, '1 MB'],
    [24_420_000_000, '24.4 GB'],
  ])('formats %d as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('formats in a forced unit (axis labels share the step unit)', () => {
    expect(formatBytes(250_000, { unit: 'MB', divisor: 1e6 })).toBe('0.25 MB');
  });

  it('keeps three significant figures at most and no trailing zeros', () => {
    expect(formatNumber(1.999)).toBe('2');
    expect(formatNumber(1.25)).toBe('1.25');
    expect(formatNumber(10.04)).toBe('10');
    expect(formatNumber(99.95)).toBe('100');
  });

  it('turns bytes per interval into an average rate per second', () => {
    expect(formatRate(3_600_000, 3600)).toBe('1 kB/s');
    expect(formatRate(21_600, 21_600)).toBe('1 B/s');
    expect(() => formatRate(1, 0)).toThrow(RangeError);
  });
});

describe('y axis scale', () => {
  it('covers the maximum with round steps from zero', () => {
    const scale = yScale(142_789);
    expect(scale.ticks[0]).toBe(0);
    expect(scale.top).toBeGreaterThanOrEqual(142_789);
    expect(scale.ticks).toEqual([0, 50_000, 100_000, 150_000]);
    expect(scale.unit.unit).toBe('kB');
  });

  it('uses 1, 2, 2.5 or 5 times a power of ten as the step', () => {
    for (const max of [1, 7, 42, 999, 12_345, 3.3e9, 0.4]) {
      const { ticks, top } = yScale(max);
      const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toPrecision(6)));
      expect(top).toBeGreaterThanOrEqual(max);
      expect(top - step).toBeLessThan(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });

  it('lands exactly on a round maximum', () => {
    expect(yScale(4000).ticks).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('labels ticks in the unit of the top, so the top never reads "1000 kB"', () => {
    const scale = yScale(830_000);
    expect(scale.ticks).toEqual([0, 250_000, 500_000, 750_000, 1_000_000]);
    expect(scale.unit.unit).toBe('MB');
    expect(scale.ticks.map((tick) => formatBytes(tick, scale.unit))).toEqual([
      '0 MB',
      '0.25 MB',
      '0.5 MB',
      '0.75 MB',
      '1 MB',
    ]);
  });

  it('draws an empty chart as 0..1 B', () => {
    expect(yScale(0)).toEqual({ top: 1, ticks: [0, 1], unit: { unit: 'B', divisor: 1 } });
    expect(yScale(Number.NaN).top).toBe(1);
  });

  it('maps linearly, including an inverted range (SVG y grows downwards)', () => {
    const y = scaleLinear([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
    expect(y(100)).toBe(0);
    expect(scaleLinear([5, 5], [0, 10])(5)).toBe(0);
  });
});

describe('line paths', () => {
  const x = (i: number) => i * 10;
  const y = (v: number) => 100 - v;

  it('joins consecutive points', () => {
    expect(linePath([1, 2, 3], x, y)).toBe('M0 99 L10 98 L20 97');
  });

  it('breaks the line at a missing bucket instead of dropping to zero', () => {
    expect(linePath([1, 2, null, 4, 5], x, y)).toBe('M0 99 L10 98 M30 96 L40 95');
  });

  it('keeps a lone point visible', () => {
    expect(linePath([null, 7, null], x, y)).toBe('M10 93 h0.01');
    expect(linePath([7], x, y)).toBe('M0 93 h0.01');
  });

  it('draws nothing without data', () => {
    expect(linePath([null, null], x, y)).toBe('');
  });
});

describe('time axis', () => {
  const hours = (start: string, count: number, stepH: number) =>
    Array.from({ length: count }, (_, i) => new Date(Date.parse(start) + i * stepH * 3_600_000));

  it('labels every 6 hours over a day, in UTC', () => {
    const ticks = timeTicks(hours('2026-11-26T20:00:00Z', 24, 1), 24 * 3_600_000);
    expect(ticks).toEqual([
      { index: 4, label: '00:00' },
      { index: 10, label: '06:00' },
      { index: 16, label: '12:00' },
      { index: 22, label: '18:00' },
    ]);
  });

  it('labels every midnight over a week', () => {
    const ticks = timeTicks(hours('2026-11-20T18:00:00Z', 28, 6), 7 * 24 * 3_600_000);
    expect(ticks.map((t) => t.label)).toEqual([
      '21 Nov',
      '22 Nov',
      '23 Nov',
      '24 Nov',
      '25 Nov',
      '26 Nov',
      '27 Nov',
    ]);
    expect(ticks[0]?.index).toBe(1);
  });

  it('names a bucket in UTC', () => {
    expect(formatBucket(new Date('2026-11-27T14:00:00Z'))).toBe('Fri 27 Nov, 14:00 UTC');
  });
});
