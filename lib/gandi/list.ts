import { GandiError } from './errors';
import type { GandiConnection, ListOptions } from './types';

/** The largest page gandi.cli asks for; the API's default of 100 silently cuts longer lists. */
export const PAGE_SIZE = 500;

type ListFn<T> = (conn: GandiConnection, options?: ListOptions) => Promise<T[]>;

function idOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
}

/**
 * Every item of a list method: pages of 500 until a short page. Items that shift across a page
 * boundary while paging (a create in between) are kept once; an endpoint that ignores `page`
 * (the same page again) is an error rather than an endless or silently cut list.
 */
export async function listAll<T>(
  conn: GandiConnection,
  listFn: ListFn<T>,
  filters: ListOptions = {},
): Promise<T[]> {
  const { page: _page, items_per_page: _size, ...rest } = filters;
  const all: T[] = [];
  const seen = new Set<unknown>();
  for (let page = 0; ; page++) {
    const items = await listFn(conn, { ...rest, items_per_page: PAGE_SIZE, page });
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
    if (items.length < PAGE_SIZE) return all;
    if (added === 0) {
      throw new GandiError({
        kind: 'decode',
        method: listFn.name || 'list',
        message: `page ${page} repeated earlier items: the endpoint does not honour paging`,
        secrets: [conn.apiKey],
      });
    }
  }
}
