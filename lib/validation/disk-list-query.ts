/** The disk list's URL: filters, sort and page (lenient, so a shared link never errors). */
import { z } from 'zod';
import { DISK_NAME_MAX_LENGTH, DISK_TYPES } from './disk';

const idField = z.coerce.number().int().positive();

export const DISK_SORTS = {
  name: 'name ASC',
  '-name': 'name DESC',
  size: 'size ASC',
  '-size': 'size DESC',
  created: 'date_created ASC',
  '-created': 'date_created DESC',
} as const;
export type DiskSort = keyof typeof DISK_SORTS;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Lenient: a bad value in a shared URL falls back to its default instead of an error page. */
export const diskListQuerySchema = z.object({
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(1_000_000).catch(1)),
  type: z.preprocess(firstValue, z.enum(DISK_TYPES).optional().catch(undefined)),
  dc: z.preprocess(firstValue, idField.optional().catch(undefined)),
  // Only name characters: the value goes into a `~name` pattern. `%` is refused; `_` is a
  // one-character wildcard there, which still matches a literal underscore.
  q: z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(DISK_NAME_MAX_LENGTH)
      .regex(/^[A-Za-z0-9._-]*$/)
      .optional()
      .catch(undefined),
  ),
  sort: z.preprocess(
    firstValue,
    z
      .enum(Object.keys(DISK_SORTS) as [DiskSort, ...DiskSort[]])
      .default('name')
      .catch('name'),
  ),
});
export type DiskListQuery = z.infer<typeof diskListQuerySchema>;

/** Whether any filter is set (the list then says so, and offers to clear them). */
export function isDiskListFiltered(query: DiskListQuery): boolean {
  return Boolean(query.type || query.dc || query.q);
}
