import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reportCall } from '@/lib/gandi/call-observer';
import { createLogger, loggablePath } from './log';
import { panelMetrics } from './metrics';
import { checkReadiness } from './readiness';

describe('checkReadiness', () => {
  const ok = async () => undefined;
  it('is ready only when every probe answers in time and the replica is not draining', async () => {
    expect(
      await checkReadiness({ draining: () => false, probes: { a: ok, b: ok }, timeoutMs: 50 }),
    ).toEqual({ ready: true, checks: { a: 'ok', b: 'ok' } });
    const refused = () => Promise.reject(new Error('ECONNREFUSED'));
    const hangs = () => new Promise<void>(() => undefined);
    expect(
      await checkReadiness({
        draining: () => false,
        probes: { a: refused, b: hangs },
        timeoutMs: 20,
      }),
    ).toEqual({ ready: false, checks: { a: 'down', b: 'down' } });
    expect(
      await checkReadiness({ draining: () => true, probes: { a: ok }, timeoutMs: 20 }),
    ).toEqual({
      ready: false,
      checks: { a: 'ok', draining: 'down' },
    });
  });
});

describe('panel metrics', () => {
  it('counts upstream calls by method and outcome, with a latency histogram', async () => {
    const metrics = panelMetrics();
    reportCall('operation.list', 'ok', 0.02);
    reportCall('operation.list', 'ok', 0.03);
    reportCall('vm.info', 'timeout', 15);
    const text = await metrics.registry.metrics();
    expect(text).toContain('panel_upstream_calls_total{method="operation.list",outcome="ok"} 2');
    expect(text).toContain('panel_upstream_calls_total{method="vm.info",outcome="timeout"} 1');
    expect(text).toContain(
      'panel_upstream_call_duration_seconds_bucket{le="0.025",method="operation.list",outcome="ok"} 1',
    );
    expect(text).toMatch(/# TYPE panel_sse_clients gauge/);
    expect(text).toMatch(/# TYPE panel_watcher_polls_total counter/);
  });
});

describe('logs', () => {
  it('are JSON lines, with secrets redacted', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger(sink).info(
      { reqId: 'r1', apiKey: 'secretkey000000000000001', form: { password: 'hunter2hunter2' } },
      'sign-in',
    );
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ reqId: 'r1', msg: 'sign-in', apiKey: '[redacted]' });
    expect(lines[0]).not.toContain('secretkey');
    expect(lines[0]).not.toContain('hunter2');
  });

  it('log paths without query strings or invitation tokens', () => {
    expect(loggablePath('/invite/abc123secret?x=1')).toBe('/invite/[token]');
    expect(loggablePath('/vms?q=web')).toBe('/vms');
  });
});
