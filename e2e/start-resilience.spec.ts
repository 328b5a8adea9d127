/**
 * @file Issue 16, item 1: under `npm start` (scripts/start.ts), stopping the simulator does not take
 * the panel down. The script says so in one log line and restarts the simulator, backing off; a
 * page that failed while the upstream was away recovers by itself once it is back.
 *
 * This spec runs its own `npm start` on the ports after the e2e ones, with its data in a temporary
 * directory, and the production build the suite already made.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { e2ePorts } from '../playwright.config';
import { DEMO_API_KEY } from '../simulator/accounts';
import { expect, test } from './fixtures';

const panelPort = e2ePorts.panelPort + 1;
const simPort = e2ePorts.simPort + 1;
const panelUrl = `http://127.0.0.1:${panelPort}`;

/** Process groups whose leader's command line runs `script` on `port` (the script's own children). */
function groupsRunning(script: string, port: number): number[] {
  const groups = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!argv.some((arg) => arg.includes(script)) || !argv.includes(String(port))) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which is in parentheses): state ppid pgrp …
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp > 1) groups.add(pgrp);
    } catch {
      // The process ended while we looked.
    }
  }
  return [...groups];
}

function killGroups(groups: number[], signal: NodeJS.Signals): void {
  for (const group of groups) {
    try {
      process.kill(-group, signal);
    } catch {
      // Already gone.
    }
  }
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

test('the panel stays up when its simulator stops, and its pages recover by themselves', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'panel-start-e2e-'));
  let output = '';
  const start: ChildProcess = spawn(
    path.join(e2ePorts.repoRoot, 'node_modules', '.bin', 'tsx'),
    // --no-build: a source edited after the suite's build must not rebuild .next under the panel
    // the other specs are using.
    ['scripts/start.ts', '--no-build'],
    {
      cwd: e2ePorts.repoRoot,
      detached: true,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(panelPort),
        SIM_PORT: String(simPort),
        SESSION_PASSWORD: 'e2e-only-session-password-0123456789abcdef',
        PORTAL_ENCRYPTION_KEY: 'ZTJlLW9ubHktcG9ydGFsLWVuY3J5cHRpb24ta2V5ISE=',
        PORTAL_DATA_DIR: dataDir,
        SIM_DATA_DIR: path.join(dataDir, 'simulator'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let blocker: net.Server | undefined;
  try {
    await expect.poll(() => output, { timeout: 90_000 }).toContain('Press Ctrl-C to stop both.');
    expect(output).not.toMatch(/telemetry/i);

    await page.goto(`${panelUrl}/login`);
    await page.getByLabel('API key', { exact: true }).fill(DEMO_API_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    // The simulator dies; something else holds its port for a while, so its restarts fail too.
    const simulatorGroups = groupsRunning('simulator/main.ts', simPort);
    expect(simulatorGroups.length).toBe(1);
    killGroups(simulatorGroups, 'SIGKILL');
    await expect.poll(() => refused(simPort)).toBe(true);
    blocker = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blocker?.listen(simPort, '127.0.0.1', resolve));
    await expect
      .poll(() => output)
      .toContain('The simulator was stopped (SIGKILL); the panel stays up.');

    // The panel still answers, with a page that says the upstream failed.
    await page.goto(`${panelUrl}/vms`);
    await expect(page.getByText('The VM list could not load')).toBeVisible();
    await expect(page.getByText('This page tries again by itself')).toBeVisible();

    // The port is free again: the next restart succeeds and the page comes back on its own.
    await new Promise<void>((resolve) => blocker?.close(() => resolve()));
    blocker = undefined;
    await expect.poll(() => output, { timeout: 60_000 }).toContain('The simulator is back.');
    await expect(page.getByRole('heading', { level: 1, name: 'Virtual machines' })).toBeVisible();
    await expect(page.getByText('The VM list could not load')).toBeHidden({ timeout: 45_000 });
    await expect(page.getByRole('table')).toBeVisible();
  } finally {
    blocker?.close();
    if (start.pid !== undefined && start.exitCode === null) {
      const exited = new Promise((resolve) => start.once('exit', resolve));
      process.kill(start.pid, 'SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    // Whatever survived (it should not): the script's own children, by their process groups.
    killGroups(
      [...groupsRunning('simulator/main.ts', simPort), ...groupsRunning('next', panelPort)],
      'SIGKILL',
    );
    rmSync(dataDir, { recursive: true, force: true });
  }
});
