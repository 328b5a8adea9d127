/**
 * Checked accessors for decoded wire values: what `reshape*.ts` build on. "No value" has three
 * spellings on the wire (`<nil/>`, the 2011 `''`, absence); these read all of them as `null`.
 */
import { parseIsoDate } from './xml-scalars';

export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

export type Struct = Record<string, unknown>;

export function isStruct(v: unknown): v is Struct {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Date) &&
    !Buffer.isBuffer(v)
  );
}

/** Asserts the decoded value is a struct (the boundary between wire values and `Raw…` types). */
export function struct<T>(v: unknown, what: string): T {
  if (!isStruct(v)) throw new ShapeError(`expected a ${what} struct`);
  return v as T;
}

export function list<T>(v: unknown, what: string): T[] {
  if (!Array.isArray(v)) throw new ShapeError(`expected a list of ${what}`);
  return v as T[];
}

export function req<T extends string | number | boolean>(
  v: unknown,
  type: 'string' | 'number' | 'boolean',
  name: string,
): T {
  if (typeof v !== type) throw new ShapeError(`member ${name}: expected ${type}`);
  return v as T;
}

export function reqDate(v: unknown, name: string): Date {
  const d = optDate(v);
  if (!d) throw new ShapeError(`member ${name}: expected dateTime.iso8601`);
  return d;
}

/** nil, '' (2011), and absence all mean "no value". */
export function opt<T>(v: T | null | '' | undefined): T | null {
  return v === undefined || v === null || v === '' ? null : v;
}

export function optNum(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export function optStr(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

export function optDate(v: unknown): Date | null {
  if (v instanceof Date) return v;
  // Some mocks carry ISO strings where the wire has dateTime; read them as UTC too.
  if (typeof v === 'string' && v !== '') return parseIsoDate(v);
  return null;
}

/** 0/1 ints, booleans, and the 2011 `''` (false). */
export function flag(v: unknown): boolean {
  return v === true || v === 1;
}

export function ids(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}
