import { expect, SIM_BASE, test } from './fixtures';

/**
 * A key that stops working mid-session (here: the simulator forgets every account created since
 * its seed) sends the user back to sign-in with an explanation, and the session is gone.
 */
test('a key revoked mid-session ends the session with an explanation', async ({
  signedInPage: page,
}) => {
  await page.goto('/datacenters');
  await expect(page.getByRole('heading', { level: 1, name: 'Datacenters' })).toBeVisible();
  const reset = await fetch(`${SIM_BASE}/_sim/reset`, { method: 'POST' });
  expect(reset.ok).toBe(true);

  // The open page's activity stream learns of the revoked key too and leaves for sign-in by
  // itself: that navigation may abort this one (either way the user must land on sign-in).
  await page.goto('/').catch((err: unknown) => {
    if (!String(err).includes('net::ERR_ABORTED')) throw err;
  });
  await expect(page).toHaveURL(/\/login\?reason=revoked$/);
  await expect(
    page.getByText('Your API key was revoked or is no longer valid — sign in again.'),
  ).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'gandi_panel_session')).toBeUndefined();
  await page.goto('/operations');
  await expect(page).toHaveURL(/\/login$/);
});
