import { createAccount, expect, signIn, test } from './fixtures';

test.describe('sign-in', () => {
  test('a protected page without a session redirects to sign-in', async ({ page }) => {
    for (const path of ['/', '/datacenters', '/images?dc=4', '/operations']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login$/);
    }
    await expect(page.getByRole('heading', { name: 'Sign in to Gandi Hosting' })).toBeVisible();
  });

  test('the live-operations stream refuses a visitor without a session', async ({ request }) => {
    const response = await request.get('/api/operations/stream?ids=1');
    expect(response.status()).toBe(401);
  });

  test('a malformed key is refused with a field message, without asking the API', async ({
    page,
  }) => {
    await page.goto('/login');
    const key = page.getByLabel('API key');
    await expect(key).toHaveAttribute('type', 'password');
    await expect(key).toHaveAttribute('autocomplete', 'off');
    await key.fill('NOT-A-KEY');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('An API key is 24 lowercase letters and digits')).toBeVisible();
    await expect(page.getByLabel('API key')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('an unknown key is refused with a clear message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('API key').fill('unknownkey00000000000042');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByText('Local simulator does not know this API key (revoked or mistyped).'),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a good key signs in; sign-out ends the session', async ({ page, account }) => {
    await signIn(page, account.apiKey);
    await expect(page.getByTestId('account-handle')).toHaveText(account.handle);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    // The old cookie is gone, not merely ignored.
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'gandi_panel_session')).toBeUndefined();
  });

  test('sign-out ends the session server-side: the copied old cookie is signed out too', async ({
    page,
    browser,
    account,
  }) => {
    await signIn(page, account.apiKey);
    const copied = (await page.context().cookies()).filter(
      (cookie) => cookie.name === 'gandi_panel_session',
    );
    expect(copied).toHaveLength(1);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const replay = await thief.newPage();
    await replay.goto('/');
    await expect(replay).toHaveURL(/\/login$/);
    await thief.close();
  });

  test('“End every session” signs the account out in every browser', async ({
    browser,
    account,
  }) => {
    const [one, two] = [await browser.newContext(), await browser.newContext()];
    const [first, second] = [await one.newPage(), await two.newPage()];
    await signIn(first, account.apiKey);
    await signIn(second, account.apiKey);
    await first.getByRole('button', { name: 'End every session' }).click();
    await expect(first).toHaveURL(/\/login$/);
    await second.reload();
    await expect(second).toHaveURL(/\/login$/);
    await one.close();
    await two.close();
  });

  test('repeated failures from one client are slowed down, other clients are not', async ({
    browser,
  }) => {
    // A client of its own (the runner is the trusted proxy, see playwright.config.ts), so other
    // tests are unaffected.
    const context = await browser.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.77' },
    });
    const page = await context.newPage();
    const good = await createAccount();
    await page.goto('/login');
    const key = page.getByLabel('API key');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await key.fill(`wrongkey${String(attempt).padStart(16, '0')}`);
      // The form keeps what was typed: wait for the action's answer before typing the next key.
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/login')),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();
    }
    await expect(
      page.getByRole('alert').filter({ hasText: 'Too many failures: wait 2 seconds' }),
    ).toBeVisible();
    // Even a good key must wait now.
    await page.getByLabel('API key').fill(good.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Too many failed sign-ins from this address' }),
    ).toBeVisible();
    // Another client is not affected.
    const other = await browser.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.78' },
    });
    await signIn(await other.newPage(), good.apiKey);
    await other.close();
    await context.close();
  });

  test('a revoked key sends the user back with an explanation', async ({ page }) => {
    await page.goto('/login?reason=revoked');
    await expect(
      page.getByText('Your API key was revoked or is no longer valid — sign in again.'),
    ).toBeVisible();
  });
});
