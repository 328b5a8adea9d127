/**
 * @file The Content-Security-Policy on the real pages: every page a member browses (sign-in,
 * dashboard, VM list, a VM, the create wizard, the team pages, not-found) runs without a single
 * violation reported by the browser, each response carries a fresh nonce that Next's scripts and
 * the theme boot script carry too, the theme still applies, HSTS follows the deployment's https
 * and never a client's header, and the XML-RPC endpoint and the event stream are left alone.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { createAccount, expect, simVm, test } from './fixtures';
import { createWorkspace } from './team-workspace';
import { TEAM_PAGES } from './sweep-content';

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** Every CSP violation the page reports: its console messages and `securitypolicyviolation`. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void })
        .__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI} at ${location.pathname}`);
    });
  });
  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The response's CSP nonce, fresh (never one seen before). */
function freshNonce(policy: string, where: string, seen: Set<string>): string {
  const nonce = NONCE.exec(policy)?.[1];
  expect(nonce, `${where} has a nonce`).toBeTruthy();
  expect(seen.has(nonce!), `${where}: a nonce is never reused`).toBe(false);
  seen.add(nonce!);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  return nonce!;
}

/**
 * Opens `path` in the browser (every violation is reported to the watcher), and fetches it once
 * more with the same cookies to read the HTML: every script element the server wrote carries that
 * response's nonce (chunks Next loads later need none: 'strict-dynamic' trusts what nonced
 * scripts load).
 */
async function visit(page: Page, path: string, seen: Set<string>): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBeLessThan(500);
  freshNonce((await response!.allHeaders())['content-security-policy'] ?? '', path, seen);
  const again = await page.request.get(path);
  const nonce = freshNonce(again.headers()['content-security-policy'] ?? '', path, seen);
  const scripts = (await again.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${path} has scripts`).toBeGreaterThan(1);
  for (const script of scripts) expect(script, path).toContain(` nonce="${nonce}"`);
  await expect(page.locator('html'), `${path} theme`).toHaveAttribute('data-theme', 'dark');
}

test('no CSP violation on any page, a nonce per response, and the theme still applies', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const account = await createAccount(1_000_000);
  const vmId = await simVm(account.apiKey);
  // A light system and a stored "dark" choice: only the boot script and ThemeSync can set it.
  const context = await browser.newContext({ colorScheme: 'light' });
  await context.addInitScript(() => window.localStorage.setItem('panel-theme', 'dark'));
  const violations = await watchViolations(context);
  const page = await context.newPage();
  const seen = new Set<string>();

  await visit(page, '/login', seen);
  // Signs in through the sign-in form and turns the account into a team workspace.
  await createWorkspace(page, account.apiKey, `csp-owner-${account.handle}@example.test`);
  for (const path of ['/', '/vms', `/vms/${vmId}`, '/vms/new', '/no-such-page']) {
    await visit(page, path, seen);
    // The wizard gives itself an idempotency token by redirecting once its shell has streamed,
    // so on the client; the next visit waits for it rather than racing it.
    if (path === '/vms/new') await expect(page).toHaveURL(/\/vms\/new\?token=/);
  }
  // A navigation on the client (RSC payload, no new document) keeps running under the policy.
  await page.goto('/');
  await page.getByRole('link', { name: 'VMs', exact: true }).first().click();
  await expect(page).toHaveURL(/\/vms$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  for (const path of TEAM_PAGES) await visit(page, path, seen);
  expect(violations).toEqual([]);

  // The watcher sees what the policy blocks: markup injected into a page (as stored XSS would
  // be) with an inline script lacking the nonce is reported, and does not run.
  await page.route('**/vms', async (route) => {
    const original = await route.fetch();
    const html = (await original.text()).replace(
      '</head>',
      '<script>window.__injected = true;</script></head>',
    );
    await route.fulfill({ response: original, body: html });
  });
  await page.goto('/vms');
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join()).toContain('script-src');
  expect(await page.evaluate(() => '__injected' in window)).toBe(false);
  await context.close();
});

test('HSTS only when the trusted proxy says https; /xmlrpc and the event stream untouched', async ({
  request,
}) => {
  // The e2e panel trusts one proxy hop (TRUST_PROXY_HOPS=1): the test runner plays it.
  const overHttps = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers()['strict-transport-security']).toBe(
    'max-age=63072000; includeSubDomains',
  );
  const overHttp = await request.get('/login');
  expect(overHttp.headers()['strict-transport-security']).toBeUndefined();
  const first = NONCE.exec(overHttps.headers()['content-security-policy'] ?? '')?.[1];
  const second = NONCE.exec(overHttp.headers()['content-security-policy'] ?? '')?.[1];
  expect(first).toBeTruthy();
  expect(second).toBeTruthy();
  expect(first).not.toBe(second);
  // The nonce in the HTML is this response's (Next's scripts carry it).
  expect(await overHttp.text()).toContain(`nonce="${second}"`);

  const xmlrpc = await request.post('/xmlrpc', {
    // Its own client address: an unknown token counts against the address, as a failed sign-in.
    headers: {
      'content-type': 'text/xml',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.213',
    },
    data: '<?xml version="1.0"?><methodCall><methodName>version.info</methodName><params><param><value><string>nope</string></value></param></params></methodCall>',
  });
  expect(xmlrpc.headers()['content-type']).toContain('xml');
  expect(await xmlrpc.text()).toContain('<methodResponse>');
  expect(xmlrpc.headers()['content-security-policy']).toBeUndefined();

  const stream = await request.get('/api/operations/stream');
  expect(stream.status()).toBe(401);
  expect(stream.headers()['content-security-policy']).toBeUndefined();
});
