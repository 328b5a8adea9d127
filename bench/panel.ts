/**
 * `npm run bench:panel`: starts the simulator (behind a counting proxy) and the built panel, then
 * prints
 *   (1) page speed (bench/panel-pages.ts): server time of the VM list, the dashboard and a VM's
 *       page against their upstream time, the VM list at 10,000 VMs against 100 (once at the
 *       simulator's speed, once with a network round trip added to each call), and the
 *       dashboard's first-load JS, each beside its target;
 *   (2) upstream `operation.*` calls per second with 1 SSE watcher and with 200 watchers of the
 *       same running operations (one watcher per account: the ratio should be about 1);
 *   (3) the median delay between an operation's step change in the simulator and the event
 *       reaching a watcher.
 * Env: NEXT_DIST_DIR (default .next; built first when missing), BENCH_PANEL_PORT, BENCH_SECONDS,
 * BENCH_UPSTREAM_RTT_MS (default 25; 0 skips section 1').
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startSimulator } from '../simulator';
import { median, reportPageSpeed, type UpstreamCall } from './panel-pages';

const root = path.resolve(__dirname, '..');
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const panelPort = Number(process.env.BENCH_PANEL_PORT ?? 3190);
const windowSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const MANY_WATCHERS = 200;

/**
 * A pass-through HTTP proxy that records every XML-RPC call (method, start, end); `setRtt` delays
 * each call by a network round trip, counted in its time.
 */
async function startCountingProxy(target: URL): Promise<{
  url: string;
  calls: UpstreamCall[];
  setRtt: (ms: number) => void;
  close: () => Promise<void>;
}> {
  const calls: UpstreamCall[] = [];
  let rttMs = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = /<methodName>([^<]+)<\/methodName>/.exec(body.toString('utf8'))?.[1] ?? '?';
      const start = performance.now();
      const forward = () => {
        const upstream = http.request(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: req.headers,
            agent,
          },
          (upstreamRes) => {
            res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
            upstreamRes.pipe(res);
            upstreamRes.on('end', () => calls.push({ method, start, end: performance.now() }));
          },
        );
        upstream.on('error', () => res.destroy());
        upstream.end(body);
      };
      if (rttMs > 0) setTimeout(forward, rttMs);
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/xmlrpc/`,
    calls,
    setRtt: (ms) => {
      rttMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

async function startPanel(simulatorUrl: string): Promise<ChildProcess> {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.log(`building the panel into ${distDir} …`);
    const build = spawnSync('npx', ['next', 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: distDir },
    });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(panelPort)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: distDir,
      SIMULATOR_URL: simulatorUrl,
      GANDI_ENDPOINTS: 'simulator',
      SESSION_PASSWORD: randomBytes(32).toString('base64url'),
      TZ: 'UTC',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('panel did not start')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (/Ready|started server|Local:/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`panel exited with ${code}`)));
  });
  return child;
}

const base = `http://127.0.0.1:${panelPort}`;

/** Signs in through the real form (a browser), returns the session cookie header. */
async function signIn(apiKey: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('API key').fill(apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/`);
    const cookies = await page.context().cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

interface StreamHandle {
  /** `at`: arrival, epoch ms (comparable with the simulator's clock, which is the same host's). */
  events: { event: string; data: string; at: number }[];
  close: () => void;
}

/** Opens one SSE stream like a tab would and records each event with its arrival time. */
function openStream(cookie: string, query: string): StreamHandle {
  const controller = new AbortController();
  const events: StreamHandle['events'] = [];
  void (async () => {
    try {
      const response = await fetch(`${base}/api/operations/stream?${query}`, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data, at: Date.now() });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, close: () => controller.abort() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function operationCallRate(
  cookie: string,
  calls: UpstreamCall[],
  ids: number[],
  watchers: number,
) {
  const streams = Array.from({ length: watchers }, () =>
    openStream(cookie, `ids=${ids.join(',')}`),
  );
  await sleep(2_000); // all connected, first poll done
  const from = calls.length;
  const start = performance.now();
  await sleep(windowSeconds * 1_000);
  const seconds = (performance.now() - start) / 1000;
  const made = calls.slice(from).filter((call) => call.method.startsWith('operation.'));
  streams.forEach((stream) => stream.close());
  await sleep(1_000);
  const connected = streams.filter((stream) => stream.events.length > 0).length;
  return { perSecond: made.length / seconds, connected };
}

async function main() {
  const sim = await startSimulator({ port: 0, memory: true, quiet: true, speed: 1 });
  const proxy = await startCountingProxy(new URL(sim.url));
  let panel: ChildProcess | undefined;
  try {
    panel = await startPanel(proxy.url);
    await reportPageSpeed({
      base,
      calls: proxy.calls,
      setUpstreamRtt: proxy.setRtt,
      sessionWithVms: async (count) => {
        const { apiKey } = sim.control.createAccount({ credits: 100_000_000 });
        const { vmIds } = sim.control.createVms({ apiKey, count });
        return { cookie: await signIn(apiKey), vmId: vmIds[0] as number };
      },
    });

    // Migrations out of FR-SD2 stay in RUN until finalized: a steady set of running operations.
    const { apiKey: opsKey } = sim.control.createAccount({ credits: 10_000_000 });
    const { vmIds } = sim.control.createVms({ apiKey: opsKey, count: 5, datacenterId: 1 });
    const opsCookie = await signIn(opsKey);
    const { vmMigrate } = await import('../lib/gandi/vm');
    const conn = { endpoint: sim.url, apiKey: opsKey };
    const ops = await Promise.all(vmIds.map((id) => vmMigrate(conn, id, false)));
    const ids = ops.map((op) => op.id);
    const one = await operationCallRate(opsCookie, proxy.calls, ids, 1);
    const many = await operationCallRate(opsCookie, proxy.calls, ids, MANY_WATCHERS);
    console.log(
      `\n(2) upstream operation.* calls/s watching ${ids.length} running operations (${windowSeconds} s windows)`,
    );
    console.log(`    1 watcher             ${one.perSecond.toFixed(2)} calls/s`);
    console.log(
      `    ${MANY_WATCHERS} watchers          ${many.perSecond.toFixed(2)} calls/s  (${many.connected} streams received events)`,
    );
    console.log(
      `    ratio                 ${(many.perSecond / Math.max(one.perSecond, 0.001)).toFixed(2)}`,
    );

    // The simulator stamps each step change with the instant it happens (`date_updated`, its own
    // clock = this host's): delay = arrival at the watcher − that instant.
    const { apiKey: delayKey } = sim.control.createAccount({ credits: 10_000_000 });
    const { vmIds: delayVms } = sim.control.createVms({ apiKey: delayKey, count: 10 });
    const delayCookie = await signIn(delayKey);
    const { vmStop } = await import('../lib/gandi/vm');
    const delayConn = { endpoint: sim.url, apiKey: delayKey };
    const delays: number[] = [];
    const streams: StreamHandle[] = [];
    for (const vmId of delayVms) {
      const op = await vmStop(delayConn, vmId);
      streams.push(openStream(delayCookie, `ids=${op.id}`));
      await sleep(300); // spread the changes over the polling cycle
    }
    await sleep(6_000);
    for (const stream of streams) {
      stream.close();
      for (const { event, data, at } of stream.events) {
        if (event !== 'operation') continue;
        const op = JSON.parse(data) as { step: string; dateUpdated: string };
        if (op.step === 'RUN' || op.step === 'DONE') delays.push(at - Date.parse(op.dateUpdated));
      }
    }
    console.log(
      `\n(3) step change in the simulator → event at a watcher (${delays.length} step changes)`,
    );
    console.log(
      `    median delay          ${median(delays).toFixed(0)} ms  (min ${Math.min(...delays).toFixed(0)}, max ${Math.max(...delays).toFixed(0)})`,
    );
  } finally {
    if (panel?.pid) {
      try {
        process.kill(-panel.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await proxy.close();
    await sim.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
