import {
  expect,
  recordBodies,
  SESSION_COOKIE,
  signIn,
  simControl,
  simRpc,
  test,
  waitingMigration,
} from './fixtures';

test('the API key never reaches the browser, and the session cookie is httpOnly', async ({
  page,
  account,
}) => {
  const recorder = await recordBodies(page);
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 2,
    datacenterId: 1,
  });

  // A failed attempt first: the refused key must not be echoed either.
  const wrongKey = 'wrongkey0000000000000099';
  await page.goto('/login');
  await page.getByLabel('API key').fill(wrongKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();

  await signIn(page, account.apiKey);
  const cookie = (await page.context().cookies()).find((entry) => entry.name === SESSION_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  expect(cookie?.value).not.toContain(account.apiKey);

  // Every page and a live stream (SSE) with a running operation.
  const opId = await waitingMigration(account.apiKey, vmIds[0] as number);
  await page.goto('/operations');
  await expect(page.getByRole('listitem', { name: `Migrate server ${opId}` })).toContainText(
    'Running',
  );
  await simRpc('hosting.vm.migrate', account.apiKey, vmIds[0] as number, true);
  // As activity.spec.ts allows: once in CI the finalize's DONE took more than 10 s to show.
  await expect(page.getByRole('listitem', { name: `Migrate server ${opId}` })).toContainText(
    'Done',
    { timeout: 30_000 },
  );
  await page.goto('/datacenters');
  await page.goto('/images?dc=4&q=debian');
  await expect(page.getByRole('table', { name: 'Images' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Servers' })).toContainText('2 in total');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'VMs' }).click();
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  const bodies = await recorder.settle();
  expect(bodies.some((body) => body.contentType.includes('text/html'))).toBe(true);
  expect(bodies.some((body) => body.contentType.includes('javascript'))).toBe(true);
  expect(bodies.some((body) => body.contentType.includes('text/x-component'))).toBe(true);
  expect(bodies.some((body) => body.contentType === 'text/event-stream')).toBe(true);
  await recorder.expectNoSecret(account.apiKey);
  await recorder.expectNoSecret(wrongKey);
});
