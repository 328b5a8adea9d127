/**
 * One XML-RPC exchange over HTTP(S): POST the encoded call on a keep-alive agent, enforce the
 * timeout and the AbortSignal, decode the answer. Every failure becomes a `GandiError` with the
 * connection's key redacted. Sharing and retrying are `transport.ts`'s business.
 */
import http from 'node:http';
import https from 'node:https';
import { reportCall } from './call-observer';
import { decodeMethodResponse, XmlRpcDecodeError, type XmlRpcValue } from './decoder';
import { GandiError, type GandiErrorInit } from './errors';
import type { GandiConnection } from './types';

export const DEFAULT_TIMEOUT_MS = 15_000;
const USER_AGENT = 'gandi-panel/0.1.0';
/** Far above any real answer (1,000 VMs ≈ 1.5 MB); stops a runaway endpoint from filling memory. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });

export function endpointHost(endpoint: string): string | undefined {
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

export interface Exchange {
  conn: GandiConnection;
  method: string;
  body: string;
  signal: AbortSignal | undefined;
  /** Receives the answer's text as it came (a forwarder passes it on unchanged). */
  onBody?: (text: string) => void;
}

/** One HTTP POST → decoded value; throws GandiError for every failure. Reported to observers. */
export function post(exchange: Exchange): Promise<XmlRpcValue> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  return postOnce(exchange).then(
    (value) => {
      reportCall(exchange.method, 'ok', seconds());
      return value;
    },
    (err: unknown) => {
      reportCall(exchange.method, err instanceof GandiError ? err.kind : 'other', seconds());
      throw err;
    },
  );
}

function postOnce({ conn, method, body, signal, onBody }: Exchange): Promise<XmlRpcValue> {
  const secrets = [conn.apiKey];
  const host = endpointHost(conn.endpoint);
  const fail = (init: Omit<GandiErrorInit, 'method' | 'secrets' | 'endpointHost'>) =>
    new GandiError({ ...init, method, secrets, ...(host ? { endpointHost: host } : {}) });

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
        onBody?.(text);
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
