import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

/** A responsive table: scrolls sideways on a phone instead of squeezing columns. */
export function Table({
  caption,
  children,
  className,
}: {
  caption: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        'overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
        className,
      )}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope="col"
      className={cn(
        'border-b border-zinc-200 px-3 py-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400',
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return (
    <td
      className={cn(
        'border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800/60',
        className,
      )}
      {...props}
    />
  );
}

export interface ListColumn {
  label: string;
  /** Right-aligned (sizes, counts). */
  numeric?: boolean;
  /** Named for screen readers only (e.g. a column of buttons). */
  hidden?: boolean;
}

/**
 * A resource list (VMs, disks, IPs…): the header from `columns`, the rows (`<tr>`s) as children.
 * Scrolls sideways on a phone instead of squeezing columns.
 */
export function ListTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly ListColumn[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={cn('px-4 py-3', column.numeric && 'text-right')}
              >
                {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">{children}</tbody>
      </table>
    </div>
  );
}
