/**
 * The one way requests reach a Gandi XML-RPC endpoint. No `server-only` here on purpose: the
 * simulator's tests and the benchmarks import it directly; the app reaches it through `index.ts`.
 *
 * The API key is prepended here and nowhere else, and every error leaving this module is a
 * `GandiError` with the key redacted.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import CustomType from 'xmlrpc/lib/customtype';
import { serializeMethodCall } from 'xmlrpc/lib/serializer';
import { decodeMethodResponse, XmlRpcDecodeError, type XmlRpcValue } from './decoder';
import { GandiError } from './errors';
import type { GandiConnection } from './types';

export const DEFAULT_TIMEOUT_MS = 15_000;
const USER_AGENT = 'gandi-panel/0.1.0';
/** Far above any real answer (1,000 VMs ≈ 1.5 MB); stops a runaway endpoint from filling memory. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });

export interface CallOptions {
  /** A read: may share an identical in-flight request and is retried once on a network error. */
  idempotent?: boolean;
}

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

function endpointHost(endpoint: string): string | undefined {
  try {
    return new URL(endpoint).host;
  } catch {
    return undefined;
  }
}

function networkReason(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset by the server';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'EPIPE':
      return 'connection closed while sending';
    default:
      return err.code ? `network error (${err.code})` : `network error: ${err.message}`;
  }
}

interface Exchange {
  conn: GandiConnection;
  method: string;
  body: string;
  signal: AbortSignal | undefined;
}

/** One HTTP POST → decoded value; throws GandiError for every failure. */
function post({ conn, method, body, signal }: Exchange): Promise<XmlRpcValue> {
  const secrets = [conn.apiKey];
  const host = endpointHost(conn.endpoint);
  const fail = (
    init: Omit<ConstructorParameters<typeof GandiError>[0], 'method' | 'secrets' | 'endpointHost'>,
  ) => new GandiError({ ...init, method, secrets, ...(host ? { endpointHost: host } : {}) });

  return new Promise<XmlRpcValue>((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(conn.endpoint);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    } catch {
      reject(
        fail({ kind: 'network', message: 'invalid endpoint URL (expected http:// or https://)' }),
      );
      return;
    }
    if (signal?.aborted) {
      reject(fail({ kind: 'network', message: 'request cancelled before it was sent' }));
      return;
    }

    const payload = Buffer.from(body, 'utf8');
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (err: GandiError | null, value?: XmlRpcValue) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else {
        resolve(value as XmlRpcValue);
      }
    };

    const req = client.request(url, {
      method: 'POST',
      agent: url.protocol === 'https:' ? httpsAgent : httpAgent,
      headers: {
        'Content-Type': 'text/xml',
        Accept: 'text/xml',
        'User-Agent': USER_AGENT,
        'Content-Length': payload.length,
      },
    });

    const timeoutMs = conn.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => {
      finish(fail({ kind: 'timeout', message: `no complete answer within ${timeoutMs} ms` }));
    }, timeoutMs);
    const onAbort = () => finish(fail({ kind: 'network', message: 'request cancelled' }));
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('error', (err: NodeJS.ErrnoException) => {
      finish(fail({ kind: 'network', message: networkReason(err), cause: err }));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          finish(
            fail({ kind: 'decode', message: `response larger than ${MAX_RESPONSE_BYTES} bytes` }),
          );
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err: NodeJS.ErrnoException) => {
        finish(fail({ kind: 'network', message: networkReason(err), cause: err }));
      });
      res.on('aborted', () => {
        finish(
          fail({ kind: 'network', message: 'connection closed before the answer was complete' }),
        );
      });
      res.on('end', () => {
        if (settled) return;
        if (status < 200 || status > 299) {
          finish(
            fail({
              kind: 'http',
              message: `HTTP ${status} ${res.statusMessage ?? ''}`.trim(),
              httpStatus: status,
            }),
          );
          return;
        }
        const text = Buffer.concat(chunks, size).toString('utf8');
        let decoded;
        try {
          decoded = decodeMethodResponse(text);
        } catch (err) {
          const why = err instanceof XmlRpcDecodeError ? err.message : String(err);
          finish(fail({ kind: 'decode', message: `not an XML-RPC response: ${why}`, cause: err }));
          return;
        }
        if (decoded.fault) {
          finish(
            fail({ kind: 'fault', message: decoded.faultString, faultCode: decoded.faultCode }),
          );
        } else {
          finish(null, decoded.value);
        }
      });
    });
    req.end(payload);
  });
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
