import http from 'node:http';

/**
 * Next gives route handlers and actions the request headers but not the socket, and fills
 * `X-Forwarded-For` with the socket address only when the client sent none. So the server process
 * stamps every incoming request with its peer address under a header of its own, overwriting any
 * value a client sent; `peerAddressFrom` trusts that header only in a process where the stamp is
 * installed (otherwise the client could have written it).
 */
export const PEER_ADDRESS_HEADER = 'x-panel-peer-address';

const holder = globalThis as typeof globalThis & { __peerAddressStamp?: boolean };

export function installPeerAddressStamp(): void {
  if (holder.__peerAddressStamp) return;
  const proto = http.Server.prototype as unknown as {
    emit: (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  };
  const emit = proto.emit;
  proto.emit = function stampPeer(event, ...args) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  };
  holder.__peerAddressStamp = true;
}

export function peerAddressFrom(value: string | null): string | null {
  if (!holder.__peerAddressStamp) return null;
  return value && value !== '' ? value : null;
}
