/**
 * Runs once when a panel server process starts (Node runtime only): stamps each request with its
 * socket address and a request id (lib/server/request-stamp.ts), starts counting upstream calls
 * for /metrics, and drains gracefully on SIGTERM.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installRequestStamp } = await import('./lib/server/request-stamp');
  const { installSigtermHandler } = await import('./lib/server/lifecycle');
  const { panelMetrics } = await import('./lib/observability/metrics');
  installRequestStamp();
  panelMetrics();
  installSigtermHandler();
}
