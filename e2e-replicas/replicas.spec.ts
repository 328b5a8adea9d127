/**
 * @file Two replicas on one PostgreSQL behind HAProxy round-robin (playwright.replicas.config.ts):
 * what one replica knows, the other knows — sessions, the sign-in throttle, wizard submits.
 */
import { Client } from 'pg';
import { openWizardAtSize } from '../e2e/wizard-steps';
import { createAccount, expect, SESSION_COOKIE, signIn, test, vmCount } from '../e2e/fixtures';
import { e2eReplicas } from '../playwright.replicas.config';

const METRICS_TOKEN = 'e2e-only-metrics-token-0123456789';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // The storage opens (and migrates) on first use: probe each replica once.
  for (const base of e2eReplicas.replicaUrls) await fetch(`${base}/readyz`);
  // Every browser request reaches the replicas from HAProxy for 127.0.0.1: start with no failures
  // counted for it (a previous run's are in the same database).
  const client = new Client({ connectionString: e2eReplicas.databaseUrl });
  await client.connect();
  await client.query('delete from sign_in_failures');
  await client.end();
});

test('/healthz, /readyz and /metrics through the balancer and on each replica', async ({
  request,
}) => {
  for (const base of [e2eReplicas.lbUrl, ...e2eReplicas.replicaUrls]) {
    expect((await request.get(`${base}/healthz`)).status()).toBe(200);
    const ready = await request.get(`${base}/readyz`);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { storage: 'ok', 'upstream:simulator': 'ok' },
    });
    expect((await request.get(`${base}/metrics`)).status()).toBe(401);
    const metrics = await request.get(`${base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(await metrics.text()).toContain('panel_job_queue_depth');
  }
});

test('sign out, then the old cookie replayed at either replica is signed out', async ({
  page,
  browser,
  account,
}) => {
  await signIn(page, account.apiKey);
  const copied = (await page.context().cookies()).filter((c) => c.name === SESSION_COOKIE);
  expect(copied).toHaveLength(1);
  // Signed in on both replicas (no sticky sessions: any replica serves the session).
  for (const base of e2eReplicas.replicaUrls) {
    await page.goto(`${base}/`);
    await expect(page.getByTestId('account-handle')).toHaveText(account.handle);
  }
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  for (const base of e2eReplicas.replicaUrls) {
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const replay = await thief.newPage();
    await replay.goto(`${base}/`);
    await expect(replay).toHaveURL(/\/login$/);
    await thief.close();
  }
});

test('a wizard submit replayed to the other replicas creates one VM', async ({
  signedInPage: page,
  account,
}) => {
  await openWizardAtSize(page);
  const next = page.getByRole('button', { name: 'Next', exact: true });
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 4 of 6: Network' })).toBeVisible();
  await next.click();
  await page.getByLabel('Hostname').fill('replayed');
  await page.getByRole('button', { name: 'Generate a password' }).click();
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 6 of 6: Review' })).toBeVisible();
  const posted: { url: string; headers: Record<string, string>; body: Buffer }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action']) {
      posted.push({
        url: request.url(),
        headers: request.headers(),
        body: request.postDataBuffer() ?? Buffer.alloc(0),
      });
    }
  });
  await page.locator('#create-vm-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
  await expect(page.getByText('replayed is ready.')).toBeVisible({ timeout: 30_000 });
  const submit = posted.find((p) => p.body.includes('replayed'));
  expect(submit).toBeDefined();
  // The same submit, byte for byte, sent to each replica directly (the cookie goes with it).
  const path = new URL(submit!.url).pathname + new URL(submit!.url).search;
  const replays = await Promise.all(
    e2eReplicas.replicaUrls.map((base) =>
      page.request.fetch(`${base}${path}`, {
        method: 'POST',
        // As the balancer forwards it (Next checks the Origin against the forwarded host).
        headers: { ...submit!.headers, 'x-forwarded-host': new URL(e2eReplicas.lbUrl).host },
        data: submit!.body,
      }),
    ),
  );
  for (const replay of replays) expect(replay.status()).toBe(200);
  expect(await vmCount(account.apiKey)).toBe(1);
});

test('failed sign-ins over both replicas lock out at the same count; forged X-Forwarded-For changes nothing', async ({
  page,
}) => {
  const good = await createAccount();
  await page.goto('/login');
  const key = page.getByLabel('API key');
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    // A new forged address every time: HAProxy appends the real one, which is what counts.
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${attempt}` });
    await key.fill(`wrongkey${String(attempt).padStart(16, '0')}`);
    // The form keeps what was typed: wait for the action's answer before the next try.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/login')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();
    if (attempt < 4)
      await expect(page.getByRole('alert').filter({ hasText: 'Too many' })).toHaveCount(0);
  }
  // The fourth failure locks out, as on one replica (three are free).
  await expect(
    page.getByRole('alert').filter({ hasText: 'Too many failures: wait 2 seconds' }),
  ).toBeVisible();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.250' });
  await key.fill(good.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Too many failed sign-ins from this address' }),
  ).toBeVisible();
});
