/**
 * The one way requests reach a Gandi XML-RPC endpoint. No `server-only` here on purpose: the
 * simulator's tests and the benchmarks import it directly; the app reaches it through `index.ts`.
 *
 * The API key is prepended here and nowhere else, and every error leaving this module is a
 * `GandiError` with the key redacted.
 */
import { createHash } from 'node:crypto';
import CustomType from 'xmlrpc/lib/customtype';
import { serializeMethodCall } from 'xmlrpc/lib/serializer';
import type { XmlRpcValue } from './decoder';
import { GandiError } from './errors';
import { endpointHost, post, type Exchange } from './http-exchange';
import type { GandiConnection } from './types';

export { DEFAULT_TIMEOUT_MS } from './http-exchange';

export interface CallOptions {
  /** A read: may share an identical in-flight request and is retried once on a network error. */
  idempotent?: boolean;
  /** Receives the answer's text as it came (then the request is never shared). */
  raw?: RawAnswer;
}

/** Receives an answer's text as the endpoint sent it (the portal's endpoint forwards it). */
export type RawAnswer = (text: string) => void;

/** A parameter as callers give it: `undefined` struct members are dropped, Dates sent as UTC. */
export type CallParam =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | Buffer
  | readonly CallParam[]
  | { readonly [member: string]: CallParam };

/** `<dateTime.iso8601>` in Gandi's own layout (`20180518T17:11:12`), always UTC whatever `TZ` is. */
class UtcDateTime extends CustomType {
  constructor(date: Date) {
    const iso = date.toISOString(); // 2018-05-18T17:11:12.000Z
    super(`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 19)}`);
  }
}
UtcDateTime.prototype.tagName = 'dateTime.iso8601';

function toWire(value: CallParam): unknown {
  if (value instanceof Date) return new UtcDateTime(value);
  if (Array.isArray(value)) return value.map((item) => toWire(item as CallParam));
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as { [member: string]: CallParam })) {
      // The serializer would turn `undefined` into an empty `<value/>`, i.e. the string ''.
      if (v !== undefined) out[k] = toWire(v);
    }
    return out;
  }
  return value;
}

/** Serialises a request exactly as it goes on the wire (exported for the benchmark and tests). */
export function encodeCall(method: string, params: readonly CallParam[]): string {
  return serializeMethodCall(
    method,
    params.map((p) => toWire(p)),
    'utf-8',
  );
}

// ---------------------------------------------------------------------------------------------
// Sharing identical in-flight reads

interface InFlight {
  promise: Promise<XmlRpcValue>;
  controller: AbortController;
  waiters: number;
}

const inFlight = new Map<string, InFlight>();

/** Never the raw key as a map key: a digest of everything that makes two reads identical. */
function requestKey(conn: GandiConnection, method: string, params: readonly CallParam[]): string {
  return createHash('sha256')
    .update(conn.endpoint)
    .update('\0')
    .update(conn.apiKey)
    .update('\0')
    .update(method)
    .update('\0')
    .update(JSON.stringify(params))
    .digest('hex');
}

/** Resolves with the shared promise, or rejects as soon as this caller's own signal aborts. */
function follow(
  entry: InFlight,
  key: string,
  conn: GandiConnection,
  method: string,
): Promise<XmlRpcValue> {
  entry.waiters++;
  const signal = conn.signal;
  return new Promise<XmlRpcValue>((resolve, reject) => {
    let done = false;
    const leave = () => {
      if (done) return false;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      entry.waiters--;
      return true;
    };
    const onAbort = () => {
      if (!leave()) return;
      // The last interested caller gone: stop the shared request too.
      if (entry.waiters === 0) {
        entry.controller.abort();
        if (inFlight.get(key) === entry) inFlight.delete(key);
      }
      const host = endpointHost(conn.endpoint);
      reject(
        new GandiError({
          kind: 'network',
          method,
          message: 'request cancelled',
          secrets: [conn.apiKey],
          ...(host ? { endpointHost: host } : {}),
        }),
      );
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (v) => {
        if (leave()) resolve(v);
      },
      (e: unknown) => {
        if (leave()) reject(e);
      },
    );
  });
}

async function postWithRetry(exchange: Exchange, retry: boolean): Promise<XmlRpcValue> {
  try {
    return await post(exchange);
  } catch (err) {
    // A read that failed before any answer (e.g. a stale keep-alive socket reset) is safe to redo.
    if (retry && err instanceof GandiError && err.kind === 'network' && !exchange.signal?.aborted) {
      return post(exchange);
    }
    throw err;
  }
}

/**
 * Calls `method` with the connection's API key prepended to `params`. Reads (`idempotent`) share
 * identical in-flight requests and are retried once on a network error; mutations never are.
 */
export function call(
  conn: GandiConnection,
  method: string,
  params: readonly CallParam[] = [],
  options: CallOptions = {},
): Promise<XmlRpcValue> {
  let body: string;
  try {
    body = encodeCall(method, [conn.apiKey, ...params]);
  } catch (err) {
    return Promise.reject(
      new GandiError({
        kind: 'decode',
        method,
        message: 'could not encode the request',
        cause: err,
        secrets: [conn.apiKey],
      }),
    );
  }
  if (options.raw) {
    const exchange = { conn, method, body, signal: conn.signal, onBody: options.raw };
    return options.idempotent ? postWithRetry(exchange, true) : post(exchange);
  }
  if (!options.idempotent) {
    return post({ conn, method, body, signal: conn.signal });
  }
  const key = requestKey(conn, method, params);
  const existing = inFlight.get(key);
  if (existing) return follow(existing, key, conn, method);

  const controller = new AbortController();
  const entry: InFlight = {
    controller,
    waiters: 0,
    promise: postWithRetry({ conn, method, body, signal: controller.signal }, true).finally(() => {
      if (inFlight.get(key) === entry) inFlight.delete(key);
    }),
  };
  // Followers handle their own errors; this keeps an abandoned shared request from being "unhandled".
  entry.promise.catch(() => undefined);
  inFlight.set(key, entry);
  return follow(entry, key, conn, method);
}

/** Number of distinct reads currently on the wire (for tests). */
export function inFlightCount(): number {
  return inFlight.size;
}
