import { NextResponse, type NextRequest } from 'next/server';
import { getSession } from '@/lib/session';

/**
 * Where a server component sends the user when the key turned out revoked (fault 510150): a page
 * cannot clear cookies while rendering, a route handler can.
 */
export async function GET(request: NextRequest) {
  const session = await getSession();
  session.destroy();
  return NextResponse.redirect(new URL('/login?reason=revoked', request.url), 303);
}
