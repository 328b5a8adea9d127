import { createHash, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { refreshJobQueueDepth } from '@/lib/jobs/runtime';
import { panelMetrics } from '@/lib/observability/metrics';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Prometheus text format, for `Authorization: Bearer $METRICS_TOKEN` only (404 when unset). */
export async function GET(request: Request) {
  const token = getEnv().metricsToken;
  if (!token) return new Response('Not found', { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  // Compared as digests: constant time whatever the lengths.
  if (!timingSafeEqual(digest(given), digest(token))) {
    return new Response('Unauthorized', {
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
    });
  }
  const metrics = panelMetrics();
  await refreshJobQueueDepth().catch(() => undefined);
  return new Response(await metrics.registry.metrics(), {
    headers: { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' },
  });
}
