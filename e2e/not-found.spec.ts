/**
 * @file Issue 16 "Also": an unknown or malformed id answers HTTP 404 (it answered 200, the
 * not-found text inside a streamed page), and every page has a favicon.
 */
import { expect, test } from './fixtures';

test('unknown resources answer 404, known ones 200', async ({ signedInPage: page }) => {
  for (const path of [
    '/vms/999999',
    '/vms/abc',
    '/vms/999999/metrics',
    '/vms/999999/console',
    '/vms/999999/migration',
    '/disks/999999',
    '/network/vlans/999999',
    '/network/interfaces/999999',
    '/no-such-page',
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const missing = await page.goto('/vms/999999');
  expect(missing?.status()).toBe(404);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This VM does not exist' }),
  ).toBeVisible();
  for (const path of ['/', '/vms', '/disks', '/network', '/network/vlans', '/team']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
  }
});

test('a favicon on every page', async ({ page }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(href ?? '');
  expect(icon.status()).toBe(200);
  const favicon = await page.request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/icon/);
});
