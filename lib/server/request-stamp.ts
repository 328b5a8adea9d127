import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { log, loggablePath } from '@/lib/observability/log';

/**
 * Next gives route handlers and actions the request headers but not the socket, and fills
 * `X-Forwarded-For` with the socket address only when the client sent none. So the server process
 * stamps every incoming request, overwriting whatever a client sent under these names: its peer
 * address (the sign-in throttle's ground truth) and a request id (on every log line of the request,
 * and in its access log line). `peerAddressFrom` trusts the header only in a process where the
 * stamp is installed (otherwise the client could have written it).
 */
export const PEER_ADDRESS_HEADER = 'x-panel-peer-address';
export const REQUEST_ID_HEADER = 'x-request-id';

const holder = globalThis as typeof globalThis & { __requestStamp?: boolean };

export function installRequestStamp(): void {
  if (holder.__requestStamp) return;
  const proto = http.Server.prototype as unknown as {
    emit: (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  };
  const emit = proto.emit;
  proto.emit = function stampRequest(event, ...args) {
    if (event === 'request') stamp(args[0] as http.IncomingMessage, args[1] as http.ServerResponse);
    return emit.call(this, event, ...args);
  };
  holder.__requestStamp = true;
}

function stamp(request: http.IncomingMessage, response: http.ServerResponse): void {
  const requestId = randomUUID();
  request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader('X-Request-Id', requestId);
  const started = performance.now();
  const path = loggablePath(request.url ?? '/');
  if (path.startsWith('/_next/static/')) return;
  response.once('finish', () => {
    log().info(
      {
        reqId: requestId,
        method: request.method,
        path,
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
}

export function peerAddressFrom(value: string | null): string | null {
  if (!holder.__requestStamp) return null;
  return value && value !== '' ? value : null;
}
