// Liveness: the process answers. Nothing else is checked (that is /readyz).
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok\n', {
    headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
  });
}
