import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startSimulator } from '../simulator';
async function main() {
  const sim = await startSimulator({ port: 0, memory: true, quiet: true, speed: 1 });
  const child = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', '3191'], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', SIMULATOR_URL: sim.url, GANDI_ENDPOINTS: 'simulator', SESSION_PASSWORD: randomBytes(32).toString('base64url'), TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((r) => child.stdout!.on('data', (c: Buffer) => { if (/Ready/.test(c.toString())) r(); }));
  const { apiKey } = sim.control.createAccount({ credits: 100_000_000 });
  sim.control.createVms({ apiKey, count: 10 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.goto('http://127.0.0.1:3191/login');
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('http://127.0.0.1:3191/');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await browser.close();
  for (const path of process.argv.slice(2)) {
    const html = await (await fetch(`http://127.0.0.1:3191${path}`, { headers: { cookie } })).text();
    const srcs = [...html.matchAll(/<script([^>]*)>/g)].filter((m) => !/nomodule/.test(m[1]!)).map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1]).filter(Boolean) as string[];
    console.log(path);
    for (const s of srcs) {
      const body = Buffer.from(await (await fetch(`http://127.0.0.1:3191${s}`)).arrayBuffer());
      console.log('  ', (gzipSync(body, { level: 9 }).length / 1024).toFixed(1), 'KB', s);
    }
  }
  child.kill('SIGINT');
  await sim.close();
  process.exit(0);
}
main();
