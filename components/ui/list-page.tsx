import { Suspense, type ReactNode } from 'react';
import { PageHeader } from './page-header';
import { TableSkeleton } from './skeleton';

/**
 * A resource list page: its header at once, then the list streamed in. Keyed by the query, so
 * changing a filter or the page shows the skeleton again rather than the previous rows.
 */
export function ListPage({
  title,
  description,
  actions,
  query,
  loadingLabel,
  columns,
  children,
}: {
  title: string;
  description: string;
  actions: ReactNode;
  /** The parsed filters and page of the URL. */
  query: unknown;
  loadingLabel: string;
  /** The skeleton's columns (the table's). */
  columns?: number;
  /** The list section (a server component that loads the page of the list). */
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <Suspense
        key={JSON.stringify(query)}
        fallback={
          <TableSkeleton label={loadingLabel} {...(columns === undefined ? {} : { columns })} />
        }
      >
        {children}
      </Suspense>
    </>
  );
}
