/**
 * @file Notifications: an operation started in one tab ends with a toast in every open tab of
 * the browser, announced once (a reload does not toast again); the shell warns when the account
 * has less than RUNWAY_WARNING_DAYS (default 7) days of credits left at its current burn.
 */
import { createAccount, expect, signIn, simControl, test } from './fixtures';

test('a VM stopped in one tab toasts in both open tabs when its operation is done', async ({
  signedInPage: page,
  account,
  context,
}) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 1,
  });
  const other = await context.newPage();
  await other.goto('/operations');

  await page.goto(`/vms/${vmIds[0]}`);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop the VM' }).click();

  for (const tab of [page, other]) {
    const toasts = tab.getByRole('region', { name: 'Notifications' });
    await expect(toasts.getByRole('status')).toContainText('Stop server: done', {
      timeout: 30_000,
    });
  }
  // Dismissed here, not elsewhere; a reload does not announce it again.
  await other
    .getByRole('region', { name: 'Notifications' })
    .getByRole('status')
    .filter({ hasText: 'Stop server: done' })
    .getByRole('button', { name: 'Dismiss' })
    .click();
  await expect(
    other.getByRole('region', { name: 'Notifications' }).getByRole('status'),
  ).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(
    'Stop server: done',
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(1_500);
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('status')).toHaveCount(
    0,
  );
});

test('a stop that ends before its page re-renders is still followed and announced', async ({
  signedInPage: page,
  account,
}) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 1,
  });
  await page.goto(`/vms/${vmIds[0]}`);
  // The page the stop re-renders reads the VM 1.5 s late: the stop (200 ms at --speed 20) is over
  // by then, so the new page has a Start button where the Stop form was.
  await simControl('slow', {
    apiKey: account.apiKey,
    method: 'hosting.vm.info',
    ms: 1_500,
    count: 5,
  });
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop the VM' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('region', { name: /^Stop bulk/ })).toContainText('Done', {
    timeout: 15_000,
  });
  await expect(
    page.getByRole('region', { name: 'Notifications' }).getByRole('status'),
  ).toContainText('Stop server: done', { timeout: 15_000 });
});

test('a failed operation toasts with its error', async ({ signedInPage: page, account }) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 1,
  });
  await simControl('fail', { apiKey: account.apiKey, type: 'vm_reboot', count: 1 });
  await page.goto(`/vms/${vmIds[0]}`);
  await page.getByRole('button', { name: 'Reboot' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reboot the VM' }).click();
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('status');
  await expect(toast).toContainText('Reboot server: failed', { timeout: 30_000 });
});

test('the runway warning shows when the credits last less than 7 days', async ({ page }) => {
  // 500 credits against one running VM (hundreds of credits per hour): well under 7 days.
  const poor = await createAccount(500);
  await simControl('vms', { apiKey: poor.apiKey, count: 1 });
  await signIn(page, poor.apiKey);
  const warning = page.getByRole('alert').filter({ hasText: 'Low runway' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('the credits run out within the hour');
  // The 500 credits are being spent (at --speed 20): the figure moves down from 500.
  await expect(warning).toContainText(/\(([1-4]\d\d|500|\d{1,2}) credits, warning below 7 days\)/);
  // It stays on every page of the shell.
  await page.goto('/vms');
  await expect(warning).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Plenty of credits: no warning. Nothing billed: no warning either.
  const rich = await createAccount(10_000_000);
  await simControl('vms', { apiKey: rich.apiKey, count: 1 });
  await signIn(page, rich.apiKey);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Low runway')).toHaveCount(0);
});
