import type { ReactNode } from 'react';
import type { ChartData } from './chart-data';
import { formatBucket } from './chart-scale';

/**
 * Every point of a chart as a table, under a disclosure: one row per bucket (its UTC start), one
 * column per line, each value as `formatValue` writes it. For those who cannot see the line.
 */
export function ChartValuesTable({
  summary,
  caption,
  data,
  columns,
  formatValue,
}: {
  summary: ReactNode;
  caption: string;
  data: ChartData;
  /** Column headings, one per line of `data` (default: the lines' labels). */
  columns?: string[];
  formatValue: (value: number) => string;
}) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-teal-800 dark:text-teal-300">{summary}</summary>
      <div className="mt-2 max-h-96 overflow-auto">
        <table className="w-full border-collapse text-left tabular-nums">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-700">
              <th scope="col" className="py-1 pr-4 font-medium">
                Period starting (UTC)
              </th>
              {data.lines.map((line, index) => (
                <th key={line.key} scope="col" className="py-1 pr-4 font-medium">
                  {columns?.[index] ?? line.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.buckets.map((bucket, row) => (
              <tr key={bucket} className="border-b border-zinc-100 dark:border-zinc-800">
                <th scope="row" className="py-1 pr-4 font-normal whitespace-nowrap">
                  <time dateTime={bucket}>{formatBucket(new Date(bucket))}</time>
                </th>
                {data.lines.map((line) => {
                  const value = line.values[row] ?? null;
                  return (
                    <td key={line.key} className="py-1 pr-4">
                      {value === null ? 'no data' : formatValue(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
