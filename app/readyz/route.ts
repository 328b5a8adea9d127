import { configuredEndpoints } from '@/lib/endpoints';
import { ensureJobRunner } from '@/lib/jobs/runtime';
import { checkReadiness } from '@/lib/observability/readiness';
import { readinessProbes } from '@/lib/observability/readiness-probes';
import { isDraining } from '@/lib/server/lifecycle';
import { getTeamDb } from '@/lib/team/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Each check's bound: a dependency gone answers 503 within it (well within 20 s). */
const PROBE_TIMEOUT_MS = 5_000;

/** Readiness: 200 when storage and every configured upstream answer, else 503 (JSON says which). */
export async function GET() {
  // A replica that just started picks up abandoned jobs as soon as the balancer probes it.
  ensureJobRunner();
  const readiness = await checkReadiness({
    draining: isDraining,
    probes: readinessProbes({
      storage: async () => (await getTeamDb()).db,
      endpoints: configuredEndpoints(),
      timeoutMs: PROBE_TIMEOUT_MS,
    }),
    timeoutMs: PROBE_TIMEOUT_MS,
  });
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
