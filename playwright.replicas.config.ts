import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * e2e of issue 15: two `next start` replicas of the one build on one PostgreSQL, behind HAProxy
 * round-robin (no sticky sessions), and the simulator. Ports: E2E_LB_PORT (HAProxy, the base
 * URL), E2E_R1_PORT and E2E_R2_PORT (the replicas, also reached directly to replay requests).
 */
const simPort = Number(process.env.E2E_SIM_PORT ?? 4010);
const lbPort = Number(process.env.E2E_LB_PORT ?? 3200);
const replicaPorts = [
  Number(process.env.E2E_R1_PORT ?? lbPort + 1),
  Number(process.env.E2E_R2_PORT ?? lbPort + 2),
];
// A database of its own: not TEST_DATABASE_URL's, whose schemas the storage tests create and drop.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl)
  throw new Error('The replicas e2e needs E2E_DATABASE_URL (a PostgreSQL database)');

const simulator = (base.webServer as { command: string }[])[0]!;
const panel = (base.webServer as { env: Record<string, string> }[])[1]!;

export default defineConfig({
  ...base,
  testDir: './e2e-replicas',
  use: { ...base.use, baseURL: `http://127.0.0.1:${lbPort}` },
  webServer: [
    simulator,
    ...replicaPorts.map((port) => ({
      command: `npx next start -H 127.0.0.1 -p ${port}`,
      port,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        ...panel.env,
        DATABASE_URL: databaseUrl,
        PORTAL_DATA_DIR: path.join(__dirname, '.data', `e2e-replica-${port}`),
        // One audit heads' directory for both, as deploy/compose.yaml mounts one volume.
        PORTAL_AUDIT_HEAD_DIR: path.join(__dirname, '.data', `e2e-replicas-${lbPort}-audit-heads`),
        // HAProxy is the one trusted hop in front.
        TRUST_PROXY_HOPS: '1',
        NEXT_MANUAL_SIG_HANDLE: 'true',
      },
    })),
    {
      command: 'haproxy -db -f e2e-replicas/haproxy.cfg',
      port: lbPort,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      env: {
        E2E_LB_PORT: String(lbPort),
        E2E_R1_PORT: String(replicaPorts[0]),
        E2E_R2_PORT: String(replicaPorts[1]),
      },
    },
  ],
});

export const e2eReplicas = {
  simPort,
  lbUrl: `http://127.0.0.1:${lbPort}`,
  replicaUrls: replicaPorts.map((port) => `http://127.0.0.1:${port}`),
  databaseUrl,
};
