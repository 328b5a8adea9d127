/**
 * `npm run bench:panel`: starts the simulator (behind a counting proxy) and the built panel, then
 * prints
 *   (1) page speed (bench/panel-pages.ts): server time of the VM list, the dashboard and a VM's
 *       page against their upstream time, the VM list at 10,000 VMs against 100, and the
 *       dashboard's first-load JS;
 *   (2) and (3), bench/panel-streams.ts: upstream `operation.*` calls for 1 SSE stream and for 40,
 *       and the delay from an operation's step change in the simulator to the event on a stream.
 * Env: NEXT_DIST_DIR (default .next; built first when missing), BENCH_PANEL_PORT, BENCH_SECONDS.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startSimulator } from '../simulator';
import { reportPageSpeed, type UpstreamCall } from './panel-pages';
import { reportStreams } from './panel-streams';

const root = path.resolve(__dirname, '..');
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const panelPort = Number(process.env.BENCH_PANEL_PORT ?? 3190);
const windowSeconds = Number(process.env.BENCH_SECONDS ?? 10);

/** A pass-through HTTP proxy that records every XML-RPC call (method, start, end). */
async function startCountingProxy(
  target: URL,
): Promise<{ url: string; calls: UpstreamCall[]; close: () => Promise<void> }> {
  const calls: UpstreamCall[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = /<methodName>([^<]+)<\/methodName>/.exec(body.toString('utf8'))?.[1] ?? '?';
      const start = performance.now();
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
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/xmlrpc/`,
    calls,
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

async function main() {
  const sim = await startSimulator({ port: 0, memory: true, quiet: true, speed: 1 });
  const proxy = await startCountingProxy(new URL(sim.url));
  let panel: ChildProcess | undefined;
  try {
    panel = await startPanel(proxy.url);
    await reportPageSpeed({
      base,
      calls: proxy.calls,
      sessionWithVms: async (count) => {
        const { apiKey } = sim.control.createAccount({ credits: 100_000_000 });
        const { vmIds } = sim.control.createVms({ apiKey, count });
        return { cookie: await signIn(apiKey), vmId: vmIds[0] as number };
      },
    });

    await reportStreams({ base, sim, signIn, windowSeconds });
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
