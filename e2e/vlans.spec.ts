/**
 * @file Private VLANs end to end: create (bad subnet/gateway refused as typed, a duplicate name
 * refused by the API on the name field), a private interface with an address checked inside
 * the subnet and attached to a VM, a VM created on the VLAN only from the wizard, then the
 * VLAN's deletion refused while interfaces use it, with the reason.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, recordBodies, simControl, test } from './fixtures';
import { openWizardAtSize } from './wizard-steps';

async function expectAllDone(operations: Locator): Promise<void> {
  await expect(operations.first()).toBeVisible();
  for (const op of await operations.all())
    await expect(op).toContainText('Step: Done', { timeout: 30_000 });
}

/** The live progress of one group of operations started from the page (a region named by its title). */
function progressOf(page: Page, title: string | RegExp): Locator {
  return page.getByRole('region', { name: 'Progress' }).getByRole('region', { name: title });
}

async function createVlan(page: Page, name: string, subnet: string, gateway: string) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Datacenter').selectOption({ label: 'FR-SD3 — Paris, France SD3' });
  await page.getByLabel('Subnet (optional)').fill(subnet);
  await page.getByLabel('Gateway (optional)').fill(gateway);
  await page.getByRole('button', { name: 'Create VLAN' }).click();
}

test('VLAN: create → private interface → VM on it → delete refused while used', async ({
  signedInPage: page,
  account,
}) => {
  // The longest flow of the suite: a VLAN, two interfaces, a VM creation, an update.
  test.setTimeout(120_000);
  const recorder = await recordBodies(page);
  await simControl('vms', { apiKey: account.apiKey, count: 1, datacenterId: 4 });
  await page.goto('/network');
  await page.getByRole('link', { name: 'Private VLANs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Private VLANs' })).toBeVisible();
  await expect(page.getByText('No private VLAN yet')).toBeVisible();

  // Checked as typed: CIDR form, private range, host bits, gateway inside.
  await page.getByLabel('Subnet (optional)').fill('10.10.0.0');
  await expect(page.getByText(/CIDR form/)).toBeVisible();
  await page.getByLabel('Subnet (optional)').fill('8.8.8.0/24');
  await expect(page.getByText(/Use a private range/)).toBeVisible();
  await page.getByLabel('Subnet (optional)').fill('10.10.0.5/24');
  await expect(page.getByText(/host bits set: the network is 10\.10\.0\.0\/24/)).toBeVisible();
  await page.getByLabel('Subnet (optional)').fill('10.10.0.0/24');
  await expect(page.getByText('254 usable addresses.')).toBeVisible();
  await page.getByLabel('Gateway (optional)').fill('10.10.1.1');
  await expect(page.getByText(/must be inside 10\.10\.0\.0\/24/)).toBeVisible();

  await createVlan(page, 'backend', '10.10.0.0/24', '10.10.0.1');
  await expectAllDone(
    page.getByRole('region', { name: 'Creating the VLAN' }).getByRole('listitem'),
  );
  const row = page.getByRole('row', { name: /backend/ });
  await expect(row).toContainText('10.10.0.0/24');
  await expect(row).toContainText('10.10.0.1');

  // Same name again: the API refuses, and the refusal is on the name field.
  await createVlan(page, 'backend', '10.20.0.0/24', '10.20.0.1');
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/A VLAN with this name already exists/).first()).toBeVisible();

  await page
    .getByRole('row', { name: /backend/ })
    .getByRole('link', { name: 'backend' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'VLAN backend' })).toBeVisible();
  await expect(page.getByText('No interface uses this VLAN: it can be deleted.')).toBeVisible();

  // A private interface: the address must be a host of the subnet and not the gateway.
  const address = page.getByLabel('Address (optional)');
  await address.fill('10.10.1.5');
  await expect(page.getByText(/must be inside 10\.10\.0\.0\/24/)).toBeVisible();
  await address.fill('10.10.0.1');
  await expect(page.getByText(/is the VLAN's gateway/)).toBeVisible();
  await address.fill('10.10.0.255');
  await expect(page.getByText(/broadcast address/)).toBeVisible();
  await address.fill('10.10.0.10');
  await page.getByLabel('Attach to a VM (optional)').selectOption({ label: 'bulk00001' });
  await page.getByRole('button', { name: 'Create private interface' }).click();
  await expectAllDone(progressOf(page, 'Create a private interface').getByRole('listitem'));
  await expectAllDone(progressOf(page, 'Attach the private interface').getByRole('listitem'));
  const members = page.getByRole('region', { name: 'Private interfaces' });
  await expect(members.getByRole('row', { name: /10\.10\.0\.10/ })).toContainText('bulk00001');

  // The same address twice: refused by the API, on the address field.
  await address.fill('10.10.0.10');
  await page.getByRole('button', { name: 'Create private interface' }).click();
  await expect(page.getByText('This address is already used in the VLAN.')).toBeVisible();

  // Rename and change the gateway.
  await page.getByLabel('Gateway', { exact: true }).fill('10.10.9.1');
  await expect(page.getByText(/must be inside 10\.10\.0\.0\/24/)).toBeVisible();
  await page.getByLabel('Gateway', { exact: true }).fill('10.10.0.254');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectAllDone(progressOf(page, 'Update the VLAN').getByRole('listitem'));
  await expect(page.getByRole('region', { name: 'VLAN', exact: true })).toContainText(
    '10.10.0.254',
  );

  // A VM created on this VLAN only, from the wizard: no public address.
  await openWizardAtSize(page);
  const next = page.getByRole('button', { name: 'Next', exact: true });
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 4 of 6: Network' })).toBeVisible();
  await page.getByRole('radio', { name: /Private VLAN only/ }).check();
  await expect(page.getByLabel('Private VLAN', { exact: true })).toHaveValue(/\d+/);
  await expect(
    page.getByLabel('Private VLAN', { exact: true }).locator('option:checked'),
  ).toHaveText('backend (10.10.0.0/24)');
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 5 of 6: Access' })).toBeVisible();
  await page.getByLabel('Hostname').fill('private-only');
  await page.getByRole('button', { name: 'Generate a password' }).click();
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 6 of 6: Review' })).toBeVisible();
  const call = page.locator('pre');
  await expect(call).toContainText('"iface_id": "<the private interface, created first>"');
  await expect(call).not.toContainText('ip_version');
  await expect(page.getByRole('complementary', { name: 'Summary' })).toContainText(
    'Private VLAN backend only',
  );
  await page.getByRole('button', { name: 'Create VM' }).click();
  const creation = page
    .getByRole('region', { name: 'Creation operations' })
    .locator('li[data-operation-id]');
  await expectAllDone(creation);
  await expect(creation.filter({ hasText: 'Create network interface' })).toHaveCount(1);

  await page.goto('/network/vlans');
  await page
    .getByRole('row', { name: /backend/ })
    .getByRole('link', { name: 'backend' })
    .click();
  await expect(members.getByRole('row', { name: /private-only/ })).toContainText('10.10.0.');
  // The VM has no public address.
  await page.goto('/network?vm=private-only');
  await expect(page.getByRole('row', { name: /private-only/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /private-only/ })).toContainText('Private · backend');
  await page.goBack();

  // Deleting is refused while interfaces use it, with the interfaces named.
  await page.getByRole('button', { name: 'Delete VLAN' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the VLAN backend?' });
  await dialog.getByLabel(/Type .* to confirm/).fill('backend');
  await dialog.getByRole('button', { name: 'Delete VLAN' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: /still in use by 2 interfaces/ });
  await expect(refusal).toContainText('10.10.0.10 on bulk00001');
  await expect(refusal).toContainText('on private-only');
  await expect(page.getByRole('heading', { level: 1, name: 'VLAN backend' })).toBeVisible();

  await recorder.expectNoSecret(account.apiKey);
});
