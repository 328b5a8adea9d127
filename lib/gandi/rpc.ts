/**
 * Glue between the transport and the typed functions: call, then reshape; a reshape failure is a
 * `decode` error of that method (the endpoint answered, but not with what the method returns).
 */
import type { XmlRpcValue } from './decoder';
import { XmlRpcDecodeError } from './decoder';
import { inGatedScope, UngatedCallError } from './call-gate';
import { GandiError } from './errors';
import type { RawHostingOperation } from './raw-types';
import { list, reshapeOperation, ShapeError, struct } from './reshape';
import { call, type CallParam, type RawAnswer } from './transport';
import type { GandiConnection, Operation } from './types';

async function run<T>(
  conn: GandiConnection,
  method: string,
  params: readonly CallParam[],
  idempotent: boolean,
  shape: (value: XmlRpcValue) => T,
  raw?: RawAnswer,
): Promise<T> {
  const value = await call(conn, method, params, { idempotent, ...(raw ? { raw } : {}) });
  try {
    return shape(value);
  } catch (err) {
    if (err instanceof ShapeError || err instanceof XmlRpcDecodeError) {
      throw new GandiError({
        kind: 'decode',
        method,
        message: `unexpected answer shape: ${err.message}`,
        secrets: [conn.apiKey],
      });
    }
    throw err;
  }
}

/**
 * A read: shares identical in-flight calls, retried once on a network error (`raw`, which wants
 * the answer's own text, gets a request of its own).
 */
export function read<T>(
  conn: GandiConnection,
  method: string,
  params: readonly CallParam[],
  shape: (value: XmlRpcValue) => T,
  raw?: RawAnswer,
): Promise<T> {
  return run(conn, method, params, true, shape, raw);
}

/**
 * A mutation: never shared, never retried, and decided by the connection's gate when it has one.
 * Inside a gated scope (work a team member caused) a connection without a gate is refused.
 */
export async function write<T>(
  conn: GandiConnection,
  method: string,
  params: readonly CallParam[],
  shape: (value: XmlRpcValue) => T,
  raw?: RawAnswer,
): Promise<T> {
  const send = () => run(conn, method, params, false, shape, raw);
  if (conn.gate) return conn.gate.pass({ method, args: params }, send);
  if (inGatedScope()) throw new UngatedCallError(method);
  return send();
}

/** Optional list/count options: omitted when empty, as gandi.cli does. */
export function optionsParam(options: object | undefined): CallParam[] {
  if (!options) return [];
  const defined = Object.entries(options).filter(([, v]) => v !== undefined);
  return defined.length === 0
    ? []
    : [Object.fromEntries(defined) as { [member: string]: CallParam }];
}

export const asOperation = (v: XmlRpcValue): Operation =>
  reshapeOperation(struct<RawHostingOperation>(v, 'operation'));

/** Mutators documented to return a list; a single struct is accepted too. */
export const asOperations = (v: XmlRpcValue): Operation[] =>
  (Array.isArray(v) ? v : [v]).map((op) =>
    reshapeOperation(struct<RawHostingOperation>(op, 'operation')),
  );

export function asListOf<Raw, T>(what: string, reshape: (raw: Raw) => T): (v: XmlRpcValue) => T[] {
  return (v) => list<unknown>(v, what).map((item) => reshape(struct<Raw>(item, what)));
}

export function asOne<Raw, T>(what: string, reshape: (raw: Raw) => T): (v: XmlRpcValue) => T {
  return (v) => reshape(struct<Raw>(v, what));
}

export function asCount(v: XmlRpcValue): number {
  if (typeof v !== 'number') throw new ShapeError('expected an int count');
  return v;
}

export function asBoolean(v: XmlRpcValue): boolean {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  throw new ShapeError('expected a boolean');
}
