/** The metrics DAL against the in-process simulator over real HTTP (the query it sends is real). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@/simulator';
import type { GandiConnection } from '@/lib/gandi/types';
import { getVmHeadingOrNotFound, getVmMetricChart } from './metrics';

let sim: Simulator;
let conn: GandiConnection;
let vmId: number;
const now = new Date('2026-11-27T19:47:28Z');

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  conn = { endpoint: sim.url, apiKey: sim.control.createAccount().apiKey, timeoutMs: 10_000 };
  const [id] = sim.control.createVms({ apiKey: conn.apiKey, count: 1 }).vmIds;
  if (id === undefined) throw new Error('no VM');
  vmId = id;
});
afterAll(() => sim.close());

describe('VM metric charts', () => {
  it('network over 24 hours: 24 hourly buckets of received and sent bytes', async () => {
    const { kind, data } = await getVmMetricChart(conn, vmId, 'network', '24h', now);
    expect(kind).toBe('network');
    expect(data.stepMs).toBe(3_600_000);
    expect(data.buckets).toHaveLength(24);
    expect(data.buckets[0]).toBe('2026-11-26T19:00:00.000Z');
    expect(data.buckets[23]).toBe('2026-11-27T18:00:00.000Z');
    expect(data.lines.map((line) => [line.key, line.label])).toEqual([
      ['in', 'Received (in)'],
      ['out', 'Sent (out)'],
    ]);
    for (const line of data.lines) {
      expect(line.values).toHaveLength(24);
      expect(line.values.every((value) => typeof value === 'number' && value > 0)).toBe(true);
    }
  });

  it('disk over 7 days: 28 buckets of 6 hours, read and written', async () => {
    const { data } = await getVmMetricChart(conn, vmId, 'disk', '7d', now);
    expect(data.stepMs).toBe(6 * 3_600_000);
    expect(data.buckets).toHaveLength(28);
    expect(data.lines.map((line) => line.key)).toEqual(['read', 'write']);
    expect(data.lines[0]?.values.every((value) => value !== null)).toBe(true);
  });

  it('the same window twice gives the same points (no randomness)', async () => {
    const first = await getVmMetricChart(conn, vmId, 'network', '24h', now);
    const again = await getVmMetricChart(
      conn,
      vmId,
      'network',
      '24h',
      new Date(now.getTime() + 60_000),
    );
    expect(again).toEqual(first);
  });

  it('the heading of a VM, and a 404 for an unknown one', async () => {
    expect(await getVmHeadingOrNotFound(conn, vmId)).toMatchObject({ id: vmId, state: 'running' });
    await expect(getVmHeadingOrNotFound(conn, 999_999_999)).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
  });
});
