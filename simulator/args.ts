import { dataFault, describe } from './faults';
import type { XmlParam } from './xmlrpc/values';

/**
 * Argument checks shared by handlers. Every failure is a Gandi-style data fault; handlers call
 * these before touching state, so a refused call never leaves a half-applied change.
 */

export type Struct = { [key: string]: XmlParam };

export function expectArity(method: string, params: XmlParam[], min: number, max = min): void {
  if (params.length < min || params.length > max) {
    const wanted = min === max ? String(min) : `${min} to ${max}`;
    throw dataFault(
      'OBJECT_METHOD',
      'CAUSE_BADPARAMETER',
      `${method} takes ${wanted} arguments (${params.length} given)`,
    );
  }
}

export function isStruct(value: XmlParam | undefined): value is Struct {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !Buffer.isBuffer(value)
  );
}

export function int(value: XmlParam | undefined, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw dataFault(
      'OBJECT_INTEGER',
      'CAUSE_TYPE',
      `${name}: integer expected, got ${typeName(value)} '${describe(value)}'`,
    );
  }
  return value;
}

export function str(value: XmlParam | undefined, name: string): string {
  if (typeof value !== 'string') {
    throw dataFault(
      'OBJECT_STRING',
      'CAUSE_TYPE',
      `${name}: string expected, got ${typeName(value)} '${describe(value)}'`,
    );
  }
  return value;
}

export function bool(value: XmlParam | undefined, name: string): boolean {
  // XML-RPC clients send booleans as <boolean>; gandi's legacy flags also accept 0/1 ints.
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  throw dataFault(
    'OBJECT_BOOLEAN',
    'CAUSE_TYPE',
    `${name}: boolean expected, got ${typeName(value)} '${describe(value)}'`,
  );
}

export function num(value: XmlParam | undefined, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw dataFault(
      'OBJECT_FLOAT',
      'CAUSE_TYPE',
      `${name}: number expected, got ${typeName(value)} '${describe(value)}'`,
    );
  }
  return value;
}

export function struct(value: XmlParam | undefined, name: string): Struct {
  if (!isStruct(value)) {
    throw dataFault(
      'OBJECT_STRUCT',
      'CAUSE_TYPE',
      `${name}: struct expected, got ${typeName(value)}`,
    );
  }
  return value;
}

/** An optional options struct: missing or nil means `{}` (reference §1.4). */
export function optionalStruct(value: XmlParam | undefined, name: string): Struct {
  return value === undefined || value === null ? {} : struct(value, name);
}

/** Refuses keys outside `allowed` (the dry-run vocabulary's EC_UNKNOWNFIELD, as a fault). */
export function onlyKeys(spec: Struct, allowed: readonly string[], name: string): void {
  for (const key of Object.keys(spec)) {
    if (!allowed.includes(key))
      throw dataFault('OBJECT_STRUCT', 'CAUSE_UNEXPECTED', `${name}: unknown field '${key}'`);
  }
}

export function required(spec: Struct, key: string, name: string): XmlParam {
  const value = spec[key];
  if (value === undefined || value === null) {
    throw dataFault('OBJECT_STRUCT', 'CAUSE_BADPARAMETER', `${name}: missing field ${key}`);
  }
  return value;
}

export function typeName(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nil';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'dateTime';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'object') return 'struct';
  return typeof value;
}

/** `[a-z0-9]` DNS label, 1-63 chars, no leading/trailing hyphen (reference §8.8, inferred). */
export const HOSTNAME_RE = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
