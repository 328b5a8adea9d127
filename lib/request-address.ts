import 'server-only';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/client-address';
import { getEnv } from '@/lib/env';
import { PEER_ADDRESS_HEADER, peerAddressFrom } from '@/lib/server/request-stamp';

/** The client address of the current request (socket, or across TRUST_PROXY_HOPS proxies). */
export async function requestClientAddress(): Promise<string> {
  return clientAddressOf(await headers());
}

/** The same, from a route handler's request headers. */
export function clientAddressOf(list: Pick<Headers, 'get'>): string {
  return clientAddress({
    peer: peerAddressFrom(list.get(PEER_ADDRESS_HEADER)),
    forwardedFor: list.get('x-forwarded-for'),
    trustedHops: getEnv().trustProxyHops,
  });
}
