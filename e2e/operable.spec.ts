import { expect, test } from './fixtures';

const METRICS_TOKEN = 'e2e-only-metrics-token-0123456789';

test('/healthz, /readyz and /metrics (401 without the token)', async ({ request }) => {
  expect((await request.get('/healthz')).status()).toBe(200);
  const ready = await request.get('/readyz');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({
    ready: true,
    checks: { storage: 'ok', 'upstream:simulator': 'ok' },
  });
  expect(ready.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect((await request.get('/metrics')).status()).toBe(401);
  const wrong = await request.get('/metrics', { headers: { authorization: 'Bearer nope' } });
  expect(wrong.status()).toBe(401);
  const metrics = await request.get('/metrics', {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(metrics.status()).toBe(200);
  const text = await metrics.text();
  // The readiness probe above called the upstream: it is counted by method and outcome.
  expect(text).toMatch(/panel_upstream_calls_total\{method="version.info",outcome="fault"\} \d+/);
  expect(text).toContain('# TYPE panel_upstream_call_duration_seconds histogram');
  expect(text).toContain('panel_sse_clients');
  expect(text).not.toContain(METRICS_TOKEN);
});
