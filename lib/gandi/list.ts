import { GandiError } from './errors';
import type { GandiConnection, ListOptions } from './types';

/** The largest page gandi.cli asks for; the API's default of 100 silently cuts longer lists. */
export const PAGE_SIZE = 500;

/** Pages asked for at once after the count (10,000 items); a longer list goes on page by page. */
export const PARALLEL_PAGES = 20;

type ListFn<T> = (conn: GandiConnection, options?: ListOptions) => Promise<T[]>;

function idOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
}

type CountFn = (conn: GandiConnection, options?: ListOptions) => Promise<number>;

/** Keeps each item once (by id) across pages; refuses an endpoint that ignores `page`. */
function pageCollector<T>(conn: GandiConnection, method: string) {
  const all: T[] = [];
  const seen = new Set<unknown>();
  return {
    all,
    add(items: T[], page: number): void {
      let added = 0;
      for (const item of items) {
        const id = idOf(item);
        if (id !== undefined) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        all.push(item);
        added++;
      }
      if (items.length === PAGE_SIZE && added === 0) {
        throw new GandiError({
          kind: 'decode',
          method,
          message: `page ${page} repeated earlier items: the endpoint does not honour paging`,
          secrets: [conn.apiKey],
        });
      }
    },
  };
}

/**
 * Every item of a list method: pages of 500 until a short page. Items that shift across a page
 * boundary while paging (a create in between) are kept once; an endpoint that ignores `page`
 * (the same page again) is an error rather than an endless or silently cut list.
 *
 * With the method's `count`, the first page and the count go in one round trip and every other
 * page in a second, in parallel: two round trips for any length, not one per 500 items. (A list
 * that grew meanwhile is still read to its end, page by page.)
 */
export async function listAll<T>(
  conn: GandiConnection,
  listFn: ListFn<T>,
  filters: ListOptions = {},
  countFn?: CountFn,
): Promise<T[]> {
  const { page: _page, items_per_page: _size, ...rest } = filters;
  const fetchPage = (page: number) => listFn(conn, { ...rest, items_per_page: PAGE_SIZE, page });
  const pages = pageCollector<T>(conn, listFn.name || 'list');
  let page = 0;
  if (countFn) {
    const { sort_by: _sort, ...countFilters } = rest;
    const [first, total] = await Promise.all([fetchPage(0), countFn(conn, countFilters)]);
    // The count is the endpoint's word, not ours: a wrong or hostile one costs at most
    // PARALLEL_PAGES calls at once.
    const more = Math.min(PARALLEL_PAGES - 1, Math.max(0, Math.ceil(total / PAGE_SIZE) - 1));
    const others = await Promise.all(Array.from({ length: more }, (_, i) => fetchPage(i + 1)));
    for (const [index, items] of [first, ...others].entries()) pages.add(items, index);
    const last = others.at(-1) ?? first;
    if (last.length < PAGE_SIZE) return pages.all;
    page = more + 1;
  }
  for (; ; page++) {
    const items = await fetchPage(page);
    pages.add(items, page);
    if (items.length < PAGE_SIZE) return pages.all;
  }
}
