import 'server-only';
import { getEnv } from '@/lib/env';

/**
 * Whether a request is served over https, as the deployment decides it — never a client. It sets
 * the cookie's Secure flag (lib/session.ts) and whether Strict-Transport-Security is sent (proxy.ts).
 */

/** The first X-Forwarded-Proto value says https (only meaningful behind a trusted proxy). */
export function isHttpsRequest(forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/**
 * True when the request arrived over https through a TLS-terminating proxy we trust. `next start`
 * itself speaks plain http, so without a trusted proxy the answer is no, whatever the client sent.
 */
export function requestIsHttps(headerList: Headers): boolean {
  return getEnv().trustProxyHops > 0 && isHttpsRequest(headerList.get('x-forwarded-proto'));
}

/** COOKIE_SECURE forces the answer on or off; `auto` follows the trusted proxy. */
export function httpsByConfiguration(
  cookieSecure: 'auto' | 'true' | 'false',
  trustedProxySaysHttps: boolean,
): boolean {
  if (cookieSecure === 'true') return true;
  if (cookieSecure === 'false') return false;
  return trustedProxySaysHttps;
}

/** The deployment's answer for this request (COOKIE_SECURE, TRUST_PROXY_HOPS). */
export function servedOverHttps(headerList: Headers): boolean {
  return httpsByConfiguration(getEnv().cookieSecure, requestIsHttps(headerList));
}
