import type { NextRequest } from 'next/server';
import { verifySession } from '@/lib/dal/auth';
import { teamRouteRefusal } from '@/lib/team/route-guard';

export const runtime = 'nodejs';

/** GET /team/audit/export?format=csv|json&<the page's filters>: the filtered log as a download. */
export async function GET(request: NextRequest) {
  const session = await verifySession();
  if (!session) return new Response('Not signed in', { status: 401 });
  if (session.principal?.kind !== 'team')
    return new Response('Not a team workspace', { status: 404 });
  const refusal = await teamRouteRefusal(session, 'audit.read');
  if (refusal) return refusal;
  const { parseAuditFilters } = await import('@/lib/team/audit-view');
  const { getTeamStore } = await import('@/lib/team/runtime');
  const { listAudit } = await import('@/lib/team/store/audit-store');
  const { auditToCsv, auditToJson } = await import('@/lib/team/audit/export');
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const store = await getTeamStore();
  const entries = await listAudit(store.db, session.principal.workspaceId, {
    ...parseAuditFilters(params),
    limit: 100_000,
  });
  const stamp = new Date().toISOString().slice(0, 10);
  const json = params.format === 'json';
  return new Response(json ? auditToJson(entries) : auditToCsv(entries), {
    headers: {
      'content-type': json ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${stamp}.${json ? 'json' : 'csv'}"`,
      'cache-control': 'no-store',
    },
  });
}
