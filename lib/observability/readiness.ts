/**
 * Whether this replica can serve: its storage answers and its upstream endpoints answer (any
 * XML-RPC answer, a fault included, proves the endpoint reachable). Each probe is bounded, so that
 * /readyz answers 503 within seconds of a dependency going away, and 200 on the first probe after
 * it is back. A draining replica is not ready.
 */
export type CheckState = 'ok' | 'down';

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckState>;
}

export interface ReadinessProbes {
  draining: () => boolean;
  probes: Record<string, () => Promise<void>>;
  timeoutMs: number;
}

export async function checkReadiness(deps: ReadinessProbes): Promise<Readiness> {
  const names = Object.keys(deps.probes);
  const states = await Promise.all(
    names.map(async (name): Promise<CheckState> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), deps.timeoutMs);
      });
      try {
        await Promise.race([deps.probes[name]!(), timeout]);
        return 'ok';
      } catch {
        return 'down';
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checks: Record<string, CheckState> = Object.fromEntries(
    names.map((name, i) => [name, states[i]!]),
  );
  if (deps.draining()) checks.draining = 'down';
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks };
}
