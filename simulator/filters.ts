import { int, optionalStruct, str } from './args';
import { dataFault, describe } from './faults';
import type { XmlParam, XmlValue } from './xmlrpc/values';

/**
 * List options shared by every `*.list` / `*.count` (reference §1.4): exact keys with a scalar or
 * an array (= any of), `~key` case-insensitive patterns (`%` and `_` as in SQL LIKE; without
 * them, a substring match), `<key` / `>key` comparisons, `items_per_page` (default 100, max 500),
 * zero-based `page`, and `sort_by` (`field [ASC|DESC]`).
 */

export type FieldType = 'int' | 'string' | 'bool' | 'date';

export interface FieldSpec {
  type: FieldType;
  /** Reads the value from the wire struct; defaults to the member of the same name. */
  get?: (item: Struct0) => unknown;
  /** May be used in sort_by (default: true). */
  sortable?: boolean;
  /** Reads an exact-match filter value when the API takes more than the field's own type. */
  accept?: (value: XmlParam, key: string) => unknown;
}

type Struct0 = { [key: string]: XmlValue };

export type ListSpec = Record<string, FieldSpec>;

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

interface Predicate {
  test(item: Struct0): boolean;
}

export interface ParsedOptions {
  predicates: Predicate[];
  page: number;
  perPage: number;
  sort: { field: string; desc: boolean; get: (item: Struct0) => unknown } | null;
}

export function parseListOptions(
  raw: XmlParam | undefined,
  spec: ListSpec,
  forCount: boolean,
): ParsedOptions {
  const opts = optionalStruct(raw, 'options');
  const predicates: Predicate[] = [];
  let page = 0;
  let perPage = DEFAULT_PAGE_SIZE;
  let sort: ParsedOptions['sort'] = null;
  for (const [key, value] of Object.entries(opts)) {
    if (key === 'items_per_page' && !forCount) {
      perPage = int(value, 'items_per_page');
      if (perPage < 1)
        throw dataFault(
          'OBJECT_INTEGER',
          'CAUSE_VALUE',
          `items_per_page: ${perPage} is lower than 1`,
        );
      if (perPage > MAX_PAGE_SIZE) {
        throw dataFault(
          'OBJECT_INTEGER',
          'CAUSE_VALUE',
          `items_per_page: ${perPage} is greater than ${MAX_PAGE_SIZE}`,
        );
      }
    } else if (key === 'page' && !forCount) {
      page = int(value, 'page');
      if (page < 0)
        throw dataFault('OBJECT_INTEGER', 'CAUSE_VALUE', `page: ${page} is lower than 0`);
    } else if (key === 'sort_by' && !forCount) {
      sort = parseSort(str(value, 'sort_by'), spec);
    } else {
      predicates.push(parseFilter(key, value, spec));
    }
  }
  return { predicates, page, perPage, sort };
}

function unknownKey(key: string): never {
  throw dataFault('OBJECT_STRUCT', 'CAUSE_UNEXPECTED', `options: unknown field '${key}'`);
}

function getter(name: string, field: FieldSpec): (item: Struct0) => unknown {
  return field.get ?? ((item) => item[name]);
}

function parseSort(text: string, spec: ListSpec): NonNullable<ParsedOptions['sort']> {
  const m = /^\s*([\w.]+)(?:\s+(ASC|DESC))?\s*$/i.exec(text);
  const field = m?.[1] ? spec[m[1]] : undefined;
  if (!m?.[1] || !field || field.sortable === false) {
    throw dataFault(
      'OBJECT_STRING',
      'CAUSE_BADPARAMETER',
      `sort_by: cannot sort on '${describe(text)}'`,
    );
  }
  return { field: m[1], desc: (m[2] ?? '').toUpperCase() === 'DESC', get: getter(m[1], field) };
}

function parseFilter(key: string, value: XmlParam, spec: ListSpec): Predicate {
  const op = key[0] === '~' || key[0] === '<' || key[0] === '>' ? key[0] : '';
  const name = op ? key.slice(1) : key;
  const field = spec[name];
  if (!field) unknownKey(key);
  const get = getter(name, field);
  if (op === '~') {
    if (field.type !== 'string') unknownKey(key);
    const patterns = (Array.isArray(value) ? value : [value]).map((v) => likeToRegExp(str(v, key)));
    return { test: (item) => patterns.some((re) => re.test(String(get(item) ?? ''))) };
  }
  if (op === '<' || op === '>') {
    if (field.type !== 'int' && field.type !== 'date') unknownKey(key);
    const bound = field.type === 'int' ? int(value, key) : toMs(value, key);
    return {
      test: (item) => {
        const v = get(item);
        const n = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : null;
        return n !== null && (op === '<' ? n < bound : n > bound);
      },
    };
  }
  const read = field.accept ?? ((v: XmlParam) => coerce(v, field.type, key));
  const wanted = (Array.isArray(value) ? value : [value]).map((v) => read(v, key));
  return {
    test: (item) => {
      const v = get(item);
      const actual = v instanceof Date ? v.getTime() : v;
      return wanted.some((w) => w === actual);
    },
  };
}

function coerce(value: XmlParam, type: FieldType, key: string): unknown {
  switch (type) {
    case 'int':
      return int(value, key);
    case 'string':
      return str(value, key);
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 0 || value === 1) return value === 1;
      throw dataFault('OBJECT_BOOLEAN', 'CAUSE_TYPE', `${key}: boolean expected`);
    case 'date':
      return toMs(value, key);
  }
}

/** A date filter value: a dateTime, or a `YYYY-MM-DD HH:MM:SS` string (UTC). */
function toMs(value: XmlParam, key: string): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
    if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  }
  throw dataFault('OBJECT_DATE', 'CAUSE_TYPE', `${key}: date expected, got '${describe(value)}'`);
}

export function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!/[%_]/.test(pattern)) return new RegExp(escaped, 'i');
  return new RegExp('^' + escaped.replace(/%/g, '.*').replace(/_/g, '.') + '$', 'is');
}

/** Filters, sorts (stable, id order by default) and paginates wire structs. */
export function applyListOptions(items: Struct0[], options: ParsedOptions): Struct0[] {
  const kept = filterItems(items, options);
  if (options.sort) {
    const { get, desc } = options.sort;
    kept.sort((a, b) => compare(get(a), get(b)));
    // DESC reads the ascending order backwards, ties included (newest id first), as a database
    // scanning its index in reverse does: `sort_by: 'date_created DESC'` puts the later of two
    // objects created in the same second first.
    if (desc) kept.reverse();
  }
  const start = options.page * options.perPage;
  return kept.slice(start, start + options.perPage);
}

export function filterItems(items: Struct0[], options: ParsedOptions): Struct0[] {
  if (options.predicates.length === 0) return items.slice();
  return items.filter((item) => options.predicates.every((p) => p.test(item)));
}

function compare(a: unknown, b: unknown): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (x === y) return 0;
  if (x === null || x === undefined) return -1;
  if (y === null || y === undefined) return 1;
  return (x as number | string) < (y as number | string) ? -1 : 1;
}
