import { sql } from 'kysely';
import { GandiError, versionInfo } from '@/lib/gandi';
import type { TeamDb } from '@/lib/team/db/connect';

/** Not a key: the probe only needs the endpoint to answer (a fault is an answer). */
const PROBE_KEY = 'readiness-probe';

/**
 * What /readyz checks: the storage answers a query, and every configured endpoint answers an
 * XML-RPC call (a fault is an answer: the key is no key). Separate from the route so that a test
 * runs the same checks against dependencies it cuts.
 */
export function readinessProbes(deps: {
  storage: () => Promise<TeamDb>;
  endpoints: readonly { id: string; url: string }[];
  timeoutMs: number;
}): Record<string, () => Promise<void>> {
  const probes: Record<string, () => Promise<void>> = {
    storage: async () => {
      await sql`select 1`.execute(await deps.storage());
    },
  };
  for (const endpoint of deps.endpoints) {
    probes[`upstream:${endpoint.id}`] = async () => {
      try {
        await versionInfo({ endpoint: endpoint.url, apiKey: PROBE_KEY, timeoutMs: deps.timeoutMs });
      } catch (err) {
        if (!(err instanceof GandiError && err.kind === 'fault')) throw err;
      }
    };
  }
  return probes;
}
