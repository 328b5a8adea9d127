import { sql } from 'kysely';
import { configuredEndpoints } from '@/lib/endpoints';
import { GandiError, versionInfo } from '@/lib/gandi';
import { ensureJobRunner } from '@/lib/jobs/runtime';
import { checkReadiness } from '@/lib/observability/readiness';
import { isDraining } from '@/lib/server/lifecycle';
import { getTeamDb } from '@/lib/team/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Not a key: the probe only needs the endpoint to answer (a fault is an answer). */
const PROBE_KEY = 'readiness-probe';
const PROBE_TIMEOUT_MS = 5_000;

/** Readiness: 200 when storage and every configured upstream answer, else 503 (JSON says which). */
export async function GET() {
  // A replica that just started picks up abandoned jobs as soon as the balancer probes it.
  ensureJobRunner();
  const probes: Record<string, () => Promise<void>> = {
    storage: async () => {
      const { db } = await getTeamDb();
      await sql`select 1`.execute(db);
    },
  };
  for (const endpoint of configuredEndpoints()) {
    probes[`upstream:${endpoint.id}`] = async () => {
      try {
        await versionInfo({
          endpoint: endpoint.url,
          apiKey: PROBE_KEY,
          timeoutMs: PROBE_TIMEOUT_MS,
        });
      } catch (err) {
        if (!(err instanceof GandiError && err.kind === 'fault')) throw err;
      }
    };
  }
  const readiness = await checkReadiness({
    draining: isDraining,
    probes,
    timeoutMs: PROBE_TIMEOUT_MS,
  });
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
