import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { servedOverHttps } from '@/lib/https-request';
import { newNonce, pageSecurityHeaders } from '@/lib/security-headers';
import { SESSION_COOKIE_NAME } from '@/lib/session-cookie';

/** Pages anyone may open: sign-in and team invitation links (anonymous by nature). */
const ANONYMOUS = /^\/(?:login|invite)(?:\/|$)/;

/**
 * Every page gets a fresh CSP nonce (Next reads it from the request's Content-Security-Policy and
 * puts it on its scripts; the root layout reads `x-nonce` for ours) and, over https as the
 * deployment decides it, HSTS. Then an optimistic redirect only: a visitor without a session
 * cookie is sent to sign-in before any rendering. It cannot tell a valid cookie from a forged one —
 * every page, action and route handler checks the session itself (lib/dal/auth.ts).
 */
export function proxy(request: NextRequest) {
  // Next's own trailing-slash redirect is off (next.config.js) so that `/xmlrpc/` answers; this
  // keeps it for the pages.
  const { pathname } = request.nextUrl;
  if (pathname.length > 1 && pathname.endsWith('/')) {
    // A plain URL: NextURL would put the trailing slash back.
    const url = new URL(request.url);
    url.pathname = pathname.replace(/\/+$/, '') || '/';
    return NextResponse.redirect(url, 308);
  }
  if (!ANONYMOUS.test(pathname) && !request.cookies.has(SESSION_COOKIE_NAME)) {
    return NextResponse.redirect(new URL('/login', request.url));
  }
  const nonce = newNonce();
  const headers = pageSecurityHeaders({
    nonce,
    development: getEnv().nodeEnv === 'development',
    https: servedOverHttps(request.headers),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every page, sign-in included. Not the route handlers (they answer 401 themselves and render
  // no HTML), the XML-RPC endpoint (a token in the call, never a cookie), the probes and metrics
  // (for machines) or static files.
  matcher: [
    '/((?!api|xmlrpc|healthz|readyz|metrics|_next/static|_next/image|favicon.ico|icon.svg).*)',
  ],
};
