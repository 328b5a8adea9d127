/** The VM page's CPU chart as the server renders it: its text alternative and its table. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChartData } from './chart-data';
import { CpuChart, cpuSummary } from './cpu-chart';

const HOUR = 3_600_000;
const start = Date.parse('2026-11-27T00:00:00Z');

function data(values: (number | null)[]): ChartData {
  return {
    buckets: values.map((_, i) => new Date(start + i * HOUR).toISOString()),
    stepMs: HOUR,
    lines: [{ key: 'all', label: 'CPU time', values }],
  };
}

const render = (values: (number | null)[]) =>
  renderToStaticMarkup(
    createElement(CpuChart, {
      data: data(values),
      rangeLabel: 'Last 24 hours',
      perStep: 'per hour',
    }),
  );

describe('CpuChart', () => {
  it('says the total and the peak with its time, in words', () => {
    expect(cpuSummary(data([10, 42.5, null, 7]), 'Last 24 hours', 'per hour')).toBe(
      'CPU time, last 24 hours: 59.5 s in total, peak 42.5 s per hour at Fri 27 Nov, 01:00 UTC.',
    );
  });

  it('draws one image named by that summary, and lists every value, gaps as “no data”', () => {
    const html = render([10, 42.5, null, 7]);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="CPU time, last 24 hours: 59.5 s in total');
    // A heading row, then one row per hour.
    expect(html.match(/<tr /g)).toHaveLength(5);
    expect(html).toContain('>42.5</td>');
    expect(html).toContain('>no data</td>');
  });

  it('says when there is no data instead of drawing an empty line', () => {
    const html = render([null, null]);
    expect(html).not.toContain('role="img"');
    expect(html).toContain('No data was recorded for this period.');
    expect(cpuSummary(data([null]), 'Last 24 hours', 'per hour')).toBe(
      'CPU time, last 24 hours: no data.',
    );
  });
});
