/**
 * /readyz's checks against dependencies actually cut: a tiny TCP proxy of the test's own stands in
 * front of PostgreSQL (TEST_DATABASE_URL; the server itself is never touched) and one in front of
 * the simulator. Each is cut — refused (the server went away: connections reset, new ones refused)
 * or partitioned (packets stop flowing both ways, as on a network split, and flow again after) —
 * and the checks must answer 503 within 20 s, then 200 within 30 s of the return. Polled, never
 * slept; the probes' bound is the route's own (5 s).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { startSimulator, type Simulator } from '@/simulator';
import { openTeamDb, type OpenedTeamDb } from '@/lib/team/db/connect';
import { checkReadiness } from './readiness';
import { readinessProbes } from './readiness-probes';

type Cut = 'refuse' | 'partition';

/** A TCP proxy to `target` that the test can cut and restore. */
async function tcpProxy(target: { host: string; port: number }) {
  let cut: Cut | null = null;
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket | null }>();
  const held: net.Socket[] = [];
  const join = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const server = net.createServer((client) => {
    if (cut === 'refuse') return void client.destroy();
    if (cut === 'partition') {
      // Nothing flows until the split heals (TCP would retransmit what was sent meanwhile).
      client.pause();
      client.on('error', () => undefined);
      held.push(client);
      return;
    }
    join(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut(kind: Cut) {
      cut = kind;
      for (const pair of pairs) {
        if (kind === 'refuse') {
          pair.client.destroy();
          pair.upstream?.destroy();
        } else {
          pair.client.pause();
          pair.upstream?.pause();
        }
      }
    },
    restore() {
      cut = null;
      for (const pair of pairs) {
        pair.client.resume();
        pair.upstream?.resume();
      }
      for (const client of held.splice(0)) {
        join(client);
        client.resume();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) {
          pair.client.destroy();
          pair.upstream?.destroy();
        }
        for (const client of held) client.destroy();
        server.close(() => resolve());
      }),
  };
}
type Proxy = Awaited<ReturnType<typeof tcpProxy>>;

/** Polls `check` until it returns `wanted`; returns how long that took (ms). */
async function until(check: () => Promise<boolean>, wanted: boolean, limitMs: number) {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await check()) === wanted) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`still ${!wanted} after ${limitMs} ms`);
}

const PROBE_TIMEOUT_MS = 5_000;
const DOWN_WITHIN_MS = 20_000;
const BACK_WITHIN_MS = 30_000;

let sim: Simulator;
let simProxy: Proxy;
let pgProxy: Proxy | undefined;
let storage: OpenedTeamDb | undefined;
let cleanup: (() => Promise<void>) | undefined;
const baseUrl = process.env.TEST_DATABASE_URL;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  const simUrl = new URL(sim.url);
  simProxy = await tcpProxy({ host: simUrl.hostname, port: Number(simUrl.port) });
  if (!baseUrl) return;
  // The panel's own storage module, on a schema of this test's, through the proxy.
  const schema = `readiness_cut_${process.pid}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  await admin.end();
  const target = new URL(baseUrl);
  pgProxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(baseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(pgProxy.port);
  proxied.searchParams.set('options', `-c search_path=${schema}`);
  storage = await openTeamDb({ kind: 'postgres', url: proxied.toString() });
  cleanup = async () => {
    const dropper = new Client({ connectionString: baseUrl });
    await dropper.connect();
    await dropper.query(`drop schema ${schema} cascade`);
    await dropper.end();
  };
}, 60_000);

afterAll(async () => {
  pgProxy?.restore();
  await storage?.close();
  await pgProxy?.close();
  await cleanup?.();
  await simProxy.close();
  await sim.close();
});

function ready(probes: Record<string, () => Promise<void>>) {
  return async () =>
    (await checkReadiness({ draining: () => false, probes, timeoutMs: PROBE_TIMEOUT_MS })).ready;
}

const upstreamProbes = () =>
  readinessProbes({
    storage: () => Promise.reject(new Error('not this test')),
    endpoints: [{ id: 'simulator', url: `http://127.0.0.1:${simProxy.port}/xmlrpc/` }],
    timeoutMs: PROBE_TIMEOUT_MS,
  });

describe.each<Cut>(['refuse', 'partition'])('readiness with a dependency cut (%s)', (cut) => {
  it('the upstream: 503 within 20 s of the cut, 200 within 30 s of its return', async () => {
    const { storage: _storage, ...probes } = upstreamProbes();
    const check = ready(probes);
    await until(check, true, BACK_WITHIN_MS);
    simProxy.cut(cut);
    const down = await until(check, false, DOWN_WITHIN_MS);
    simProxy.restore();
    const back = await until(check, true, BACK_WITHIN_MS);
    expect(down).toBeLessThanOrEqual(DOWN_WITHIN_MS);
    expect(back).toBeLessThanOrEqual(BACK_WITHIN_MS);
  }, 70_000);

  it.skipIf(!baseUrl)(
    'the storage (PostgreSQL): 503 within 20 s of the cut, 200 within 30 s of its return',
    async () => {
      const probes = readinessProbes({
        storage: async () => storage!.db,
        endpoints: [],
        timeoutMs: PROBE_TIMEOUT_MS,
      });
      const check = ready(probes);
      await until(check, true, BACK_WITHIN_MS);
      pgProxy!.cut(cut);
      const down = await until(check, false, DOWN_WITHIN_MS);
      // Probes keep coming while it is cut, as a balancer's would.
      for (let i = 0; i < 3; i += 1) expect(await check()).toBe(false);
      pgProxy!.restore();
      const back = await until(check, true, BACK_WITHIN_MS);
      expect(down).toBeLessThanOrEqual(DOWN_WITHIN_MS);
      expect(back).toBeLessThanOrEqual(BACK_WITHIN_MS);
    },
    70_000,
  );
});
