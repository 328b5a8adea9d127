/**
 * @file Public IPs end to end: create an interface (IPv4 + IPv6) attached to a VM once created,
 * set its reverse DNS (a bad name refused on the field), detach it, delete it (typed confirm);
 * and the IP list's filters in the URL.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, recordBodies, simControl, test } from './fixtures';

/** The step badge reads "Step: Done" only when the operation is DONE (the track lists every step). */
async function expectAllDone(operations: Locator): Promise<void> {
  await expect(operations.first()).toBeVisible();
  for (const op of await operations.all())
    await expect(op).toContainText('Step: Done', { timeout: 30_000 });
}

/** The live progress of one group of operations started from the page (a region named by its title). */
function progressOf(page: Page, title: string | RegExp): Locator {
  return page.getByRole('region', { name: 'Progress' }).getByRole('region', { name: title });
}

test('public IP: create attached to a VM → reverse → detach → delete', async ({
  signedInPage: page,
  account,
}) => {
  const recorder = await recordBodies(page);
  await simControl('vms', { apiKey: account.apiKey, count: 1, datacenterId: 4 });

  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'IP addresses' })).toBeVisible();
  // The bulk VM's own interface: one IPv4 and one IPv6.
  await expect(page.getByRole('row', { name: /bulk00001/ })).toHaveCount(2);

  await page.getByRole('link', { name: 'Create public IP' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a public IP' })).toBeVisible();
  await page.getByLabel('Datacenter').selectOption({ label: 'FR-SD3 — Paris, France SD3' });
  await expect(page.getByRole('radio', { name: /IPv4 \+ IPv6/ })).toBeChecked();
  await page.getByLabel('Bandwidth').selectOption({ label: '100 Mbit/s' });
  await page.getByLabel('Attach to a VM (optional)').selectOption({ label: 'bulk00001' });
  await page.getByRole('button', { name: 'Create public IP' }).click();

  await expectAllDone(
    page.getByRole('region', { name: 'Creating the public IP' }).getByRole('listitem'),
  );
  // The attach starts once the creation is DONE and the interface page opens when it settles
  // (too fast to assert on in between); that page shows the VM it is attached to.
  await expect(page).toHaveURL(/\/network\/interfaces\/\d+$/, { timeout: 15_000 });
  const summary = page.getByRole('region', { name: 'Interface', exact: true });
  await expect(summary.getByRole('link', { name: 'bulk00001' })).toBeVisible();
  await expect(summary).toContainText('IPv4');
  await expect(summary).toContainText('IPv6');
  await expect(page.getByRole('button', { name: 'Delete interface' })).toBeDisabled();

  // Reverse DNS of the IPv4 address: a bad name is refused as typed, a good one is applied.
  const reverse = page.getByLabel(/^Reverse DNS of \d+\.\d+\.\d+\.\d+$/);
  const ipv4 = ((await reverse.getAttribute('id')) ?? '').replace('reverse-', '');
  expect(ipv4).not.toBe('');
  await reverse.fill('bad_name.example.com');
  await expect(page.getByText('Use only letters, digits, hyphens and dots.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save reverse' }).first()).toBeDisabled();
  await reverse.fill('localhost');
  await expect(page.getByText(/fully qualified name with a domain/)).toBeVisible();
  await reverse.fill('mail.example.com');
  await page.getByRole('button', { name: 'Save reverse' }).first().click();
  await expectAllDone(progressOf(page, /^Reverse DNS of /).getByRole('listitem'));
  await expect(summary).toContainText('mail.example.com');

  // Detach (confirmed), then the interface is free and can be deleted.
  await page.getByRole('button', { name: 'Detach' }).click();
  await page
    .getByRole('dialog', { name: /Detach from bulk00001/ })
    .getByRole('button', { name: 'Detach' })
    .click();
  await expectAllDone(progressOf(page, 'Detach').getByRole('listitem'));
  await expect(summary).toContainText('Not attached');
  await expect(page.getByLabel('Attach to VM')).toBeVisible();

  const address =
    (await summary
      .getByRole('list', { name: 'Addresses of this interface' })
      .locator('.font-mono')
      .first()
      .textContent()) ?? '';
  await page.getByRole('button', { name: 'Delete interface' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this interface and its addresses?' });
  const confirm = dialog.getByRole('button', { name: 'Delete interface' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type .* to confirm/).fill(address);
  await confirm.click();
  await expect(page).toHaveURL(/\/network$/, { timeout: 30_000 });
  await expect(page.getByRole('row', { name: /mail\.example\.com/ })).toHaveCount(0);
  // Only the VM's own two addresses are left.
  await expect(page.getByRole('row', { name: /bulk00001/ })).toHaveCount(2);

  await recorder.expectNoSecret(account.apiKey);
});

test('IP list filters live in the URL and are applied by the API', async ({
  signedInPage: page,
  account,
}) => {
  await simControl('vms', { apiKey: account.apiKey, count: 2, datacenterId: 4 });
  await page.goto('/network');
  await expect(page.getByRole('row', { name: /bulk0000/ })).toHaveCount(4);

  await page.getByLabel('Version').selectOption('6');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/version=6/);
  await expect(page.getByRole('row', { name: /bulk0000/ })).toHaveCount(2);
  await expect(page.getByRole('row', { name: /IPv4/ })).toHaveCount(0);

  await page.getByLabel('VM hostname contains').fill('bulk00002');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('row', { name: /bulk0000/ })).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole('row', { name: /bulk00002/ })).toHaveCount(1);
  await expect(page.getByLabel('VM hostname contains')).toHaveValue('bulk00002');

  await page.goto('/network?type=private');
  await expect(page.getByText('No IP matches these filters')).toBeVisible();
});
