import { log } from '@/lib/observability/log';

/**
 * Graceful shutdown of one replica: on SIGTERM it stops taking work (/readyz answers 503, so the
 * load balancer moves traffic away; the job runner claims nothing new), tells its SSE clients to
 * reconnect (they land on another replica), and releases its leases so that another replica takes
 * them over at once instead of after their expiry.
 */
type DrainHook = () => void | Promise<void>;

const holder = globalThis as typeof globalThis & {
  __panelLifecycle?: { draining: boolean; hooks: Set<DrainHook>; installed: boolean };
};

function state() {
  return (holder.__panelLifecycle ??= { draining: false, hooks: new Set(), installed: false });
}

export function isDraining(): boolean {
  return state().draining;
}

/** Runs `hook` when the replica starts draining; returns an unregister function. */
export function onDrain(hook: DrainHook): () => void {
  const { hooks } = state();
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Starts draining: runs every hook (each bounded by `timeoutMs`). */
export async function drain(timeoutMs = 5_000): Promise<void> {
  const current = state();
  if (current.draining) return;
  current.draining = true;
  const hooks = [...current.hooks];
  await Promise.all(
    hooks.map((hook) =>
      Promise.race([
        Promise.resolve()
          .then(hook)
          .catch((err: unknown) =>
            log().warn({ err: err instanceof Error ? err.name : 'unknown' }, 'drain hook failed'),
          ),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]),
    ),
  );
}

/**
 * Next's own SIGTERM handler exits at once unless NEXT_MANUAL_SIG_HANDLE is set; then this one
 * drains and exits itself. Without it the drain still starts (its synchronous part — readiness,
 * stream notices — happens before Next exits).
 */
export function installSigtermHandler(): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  process.once('SIGTERM', () => {
    log().info({ hooks: current.hooks.size }, 'SIGTERM: draining');
    void drain().finally(() => {
      if (process.env.NEXT_MANUAL_SIG_HANDLE) {
        log().info('drained, exiting');
        process.exit(0);
      }
    });
  });
}
