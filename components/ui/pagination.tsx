import Link from 'next/link';
import { buttonClasses } from './button';

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** The href of `pathname` with `params` changed (undefined/'' removes a key), others kept. */
export function hrefWith(
  pathname: string,
  current: SearchParamsRecord,
  params: Record<string, string | number | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    if (key in params) continue;
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      query.append(key, item);
  }
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

export interface PaginationProps {
  pathname: string;
  searchParams: SearchParamsRecord;
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  /** The search parameter holding the page (default `page`). */
  param?: string;
}

/** Previous/next links driven by the URL, and where the visible rows sit in the total. */
export function Pagination({
  pathname,
  searchParams,
  page,
  pageSize,
  total,
  param = 'page',
}: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = (target: number) =>
    hrefWith(pathname, searchParams, { [param]: target === 1 ? undefined : target });
  const format = new Intl.NumberFormat('en');
  return (
    <nav
      aria-label="Pagination"
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm"
    >
      <p className="text-zinc-600 dark:text-zinc-400">
        {total === 0
          ? 'No results'
          : `${format.format(first)}–${format.format(last)} of ${format.format(total)}`}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={link(page - 1)} className={buttonClasses('secondary', 'sm')} rel="prev">
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClasses('secondary', 'sm')}>
            Previous
          </span>
        )}
        <span aria-current="page">
          Page {format.format(Math.min(page, pageCount))} of {format.format(pageCount)}
        </span>
        {page < pageCount ? (
          <Link href={link(page + 1)} className={buttonClasses('secondary', 'sm')} rel="next">
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClasses('secondary', 'sm')}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
