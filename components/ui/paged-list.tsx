import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { Pagination, type SearchParamsRecord } from './pagination';

/**
 * The body of a server-paged list page: the empty-account state, the filter bar, the "nothing
 * matches" and "past the end" states, the rows, and the pagination — all from one page of an API
 * list and its total (`*.count`), so it works at 1 and at 10,000 resources.
 */
export function PagedList({
  pathname,
  searchParams,
  list: { page, pageSize, total, rows },
  filtered,
  filters,
  noun,
  whenEmpty,
  children,
}: {
  pathname: string;
  searchParams: SearchParamsRecord;
  /** One page of an API list: its rows, and `total` items matching the filters across pages. */
  list: { page: number; pageSize: number; total: number; rows: readonly unknown[] };
  /** Whether any filter is set: an empty result then means "nothing matches", not "nothing yet". */
  filtered: boolean;
  filters: ReactNode;
  /** Singular, for "No VM matches these filters". */
  noun: string;
  /** What a new account sees instead of an empty table. */
  whenEmpty: { title: string; description: string; action: { href: string; label: string } };
  /** The table of this page's rows. */
  children: ReactNode;
}) {
  if (total === 0 && !filtered) return <EmptyState {...whenEmpty} />;
  const pagination = (
    <Pagination
      pathname={pathname}
      searchParams={searchParams}
      page={page}
      pageSize={pageSize}
      total={total}
    />
  );
  return (
    <>
      {filters}
      {rows.length === 0 ? (
        <>
          <EmptyState
            title={total === 0 ? `No ${noun} matches these filters` : 'This page is past the end'}
            description={
              total === 0
                ? 'Change or clear the filters to see more.'
                : 'Go back to an earlier page.'
            }
          />
          {total > 0 ? pagination : null}
        </>
      ) : (
        <>
          {children}
          {pagination}
        </>
      )}
    </>
  );
}
