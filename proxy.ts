import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAME } from '@/lib/session-cookie';

/**
 * Optimistic redirect only: a visitor without a session cookie is sent to sign-in before any
 * rendering. It cannot tell a valid cookie from a forged one — every page, action and route handler
 * checks the session itself (lib/dal/auth.ts).
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
  if (request.cookies.has(SESSION_COOKIE_NAME)) return NextResponse.next();
  return NextResponse.redirect(new URL('/login', request.url));
}

export const config = {
  // Everything except sign-in, team invitation links (anonymous by nature), route handlers (they
  // answer 401 themselves), the XML-RPC endpoint (a token in the call, never a cookie), the probes
  // and metrics (for machines) and static files.
  matcher: [
    '/((?!login|invite/|api|xmlrpc|healthz|readyz|metrics|_next/static|_next/image|favicon.ico|icon.svg).*)',
  ],
};
