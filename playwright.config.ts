import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * e2e against the production build (`next build` first, then `next start`) and the simulator.
 * Ports and the build directory come from the environment so several helpers can run side by side.
 */
const simPort = Number(process.env.E2E_SIM_PORT ?? 4010);
const panelPort = Number(process.env.E2E_PANEL_PORT ?? 3100);
const simulatorUrl = `http://127.0.0.1:${simPort}/xmlrpc/`;
/** Test-only; `audit:verify` needs it too (the audit chain is keyed with it). */
export const e2ePortalEncryptionKey = 'ZTJlLW9ubHktcG9ydGFsLWVuY3J5cHRpb24ta2V5ISE=';

// The e2e suite creates and deletes servers: refuse to point it at anything but this machine.
const upstreamHost = new URL(simulatorUrl).hostname;
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(upstreamHost)) {
  throw new Error(`Refusing to run e2e against a non-loopback upstream (${upstreamHost}).`);
}

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${panelPort}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx simulator/main.ts --memory --port ${simPort} --speed 20`,
      // The simulator answers GET with 404, which `url:` would not take as ready.
      port: simPort,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${panelPort}`,
      port: panelPort,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next',
        SIMULATOR_URL: simulatorUrl,
        GANDI_ENDPOINTS: 'simulator',
        // A fixed secret for tests only; real deployments get theirs from the environment.
        SESSION_PASSWORD: 'e2e-only-session-password-0123456789abcdef',
        COOKIE_SECURE: 'auto',
        TZ: 'UTC',
        // The test runner plays the one trusted proxy: a spec chooses its client address with
        // X-Forwarded-For (the right-most entry), as a proxy in front would append it.
        TRUST_PROXY_HOPS: '1',
        METRICS_TOKEN: 'e2e-only-metrics-token-0123456789',
        // Team workspaces: a test-only encryption key and a storage file per panel port (the team
        // e2e edits it directly to prove the audit chain catches it).
        PORTAL_ENCRYPTION_KEY: e2ePortalEncryptionKey,
        PORTAL_DATA_DIR: path.join(__dirname, '.data', `e2e-${panelPort}`),
        // The storage outlives runs while simulator handles repeat after a restart: a run's
        // workspaces must not count against the next run's accounts.
        PORTAL_MAX_WORKSPACES_PER_ACCOUNT: '1000',
      },
    },
  ],
});

export const e2ePorts = { simPort, panelPort, simulatorUrl, repoRoot: path.resolve(__dirname) };

/** The SQLite file of the team storage used by the e2e panel (see PORTAL_DATA_DIR above). */
export const e2eTeamDatabase = path.join(__dirname, '.data', `e2e-${panelPort}`, 'portal.sqlite');
