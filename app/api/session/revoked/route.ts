import { NextResponse, type NextRequest } from 'next/server';
import { getSession } from '@/lib/session';

/**
 * Where a server component sends the user when the key turned out revoked (fault 510150): a page
 * cannot clear cookies while rendering, a route handler can. Signing out is a change: another
 * site must not trigger it by linking here, so a cross-site GET only offers a button that POSTs
 * back from this origin. Redirects are relative (no host taken from the request).
 */
const SIGNED_OUT = '/login?reason=revoked';

function fromThisOrigin(request: NextRequest): boolean {
  // `none`: typed or bookmarked; `same-origin`: from the panel (also its own redirects).
  const site = request.headers.get('sec-fetch-site');
  return site === null || site === 'none' || site === 'same-origin';
}

async function signOut(): Promise<NextResponse> {
  const session = await getSession();
  session.destroy();
  return new NextResponse(null, { status: 303, headers: { Location: SIGNED_OUT } });
}

export async function GET(request: NextRequest) {
  if (fromThisOrigin(request)) return signOut();
  return new NextResponse(
    `<!doctype html><meta charset="utf-8"><title>Sign out</title><form method="post"><p>Your Gandi API key is no longer valid.</p><button>Sign out and sign in again</button></form>`,
    { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
}

export async function POST(request: NextRequest) {
  const origin = request.headers.get('origin');
  const sameOrigin = origin === null ? fromThisOrigin(request) : origin === request.nextUrl.origin;
  if (!sameOrigin) return new NextResponse('Cross-site request refused.', { status: 403 });
  return signOut();
}
