/** The chart rendered to HTML as the server sends it: accessible name, axes, lines and table. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChartData } from './chart-data';
import { chartSummary, MetricChart, type MetricChartProps } from './metric-chart';

const HOUR = 3_600_000;
const start = Date.parse('2026-11-27T00:00:00Z');

function props(values: [(number | null)[], (number | null)[]]): MetricChartProps {
  const data: ChartData = {
    buckets: values[0].map((_, i) => new Date(start + i * HOUR).toISOString()),
    stepMs: HOUR,
    lines: [
      { key: 'in', label: 'Received (in)', values: values[0] },
      { key: 'out', label: 'Sent (out)', values: values[1] },
    ],
  };
  return { title: 'Network traffic', data, rangeLabel: 'Last 24 hours', perStep: 'per hour' };
}

const render = (p: MetricChartProps) => renderToStaticMarkup(createElement(MetricChart, p));

describe('MetricChart', () => {
  const sample = props([
    [1_000_000, 2_500_000, null, 500_000],
    [100_000, 200_000, 300_000, 400_000],
  ]);

  it('summarises each line for screen readers: total and peak with its time', () => {
    expect(chartSummary(sample)).toBe(
      'Network traffic, last 24 hours, bytes per hour. ' +
        'Received (in): 4 MB in total, peak 2.5 MB per hour at Fri 27 Nov, 01:00 UTC. ' +
        'Sent (out): 1 MB in total, peak 400 kB per hour at Fri 27 Nov, 03:00 UTC.',
    );
    expect(chartSummary(props([[null], [null]]))).toMatch(
      /Received \(in\): no data\. Sent \(out\): no data\.$/,
    );
  });

  it('draws one role="img" SVG named by the summary, with labelled axes and a path per line', () => {
    const html = render(sample);
    expect(html.match(/role="img"/g)).toHaveLength(1);
    expect(html).toContain(`aria-label="${chartSummary(sample)}"`);
    expect(html).toContain('Time (UTC)');
    expect(html).toContain('MB per hour');
    // y ticks of a 0..3 MB axis, in one unit.
    for (const tick of ['0 MB', '1 MB', '2 MB', '3 MB']) expect(html).toContain(`>${tick}<`);
    const paths = [...html.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(2);
    // The gap in the first line breaks it into two segments.
    expect(paths[0]?.match(/M/g)).toHaveLength(2);
    expect(paths[1]?.match(/M/g)).toHaveLength(1);
  });

  it('has a table with every point: bytes per interval and the average rate', () => {
    const html = render(sample);
    expect(html).toContain('<details');
    const rows = html.split('<tbody>')[1]?.split('</tbody>')[0]?.match(/<tr/g) ?? [];
    expect(rows).toHaveLength(4);
    expect(html).toContain(
      '<time dateTime="2026-11-27T01:00:00.000Z">Fri 27 Nov, 01:00 UTC</time>',
    );
    expect(html).toContain('2.5 MB (694 B/s)');
    expect(html).toContain('no data');
  });

  it('says so when there is no data at all, instead of an empty chart', () => {
    const html = render(
      props([
        [null, null],
        [null, null],
      ]),
    );
    expect(html).toContain('No data was recorded for this period.');
    expect(html).not.toContain('role="img"');
    expect(html).not.toContain('<table');
  });
});
