/**
 * @file The creation wizard end to end, against `next start` and the simulator: the full VM
 * lifecycle (create → DONE → open → resize → stop → start → delete), a simulated failure, and a
 * double submit that must create one VM.
 */
import type { Page } from '@playwright/test';
import { addSshKey, expect, recordBodies, simControl, test, vmCount } from './fixtures';
import { formatSize } from '../lib/format-size';

const DATACENTER = 'Paris, France SD3';
const IMAGE = 'Debian 9';

/** Goes through every step up to the review, with a generated password. */
async function fillWizard(page: Page, hostname: string): Promise<void> {
  await page.goto('/vms/new');
  await expect(page.getByRole('heading', { name: 'Step 1 of 6: Datacenter' })).toBeVisible();
  // Closed datacenters cannot be chosen; closing ones say when they close.
  await expect(page.getByRole('radio', { name: /Level3 Baltimore/ })).toBeDisabled();
  await expect(page.getByText(/Closing date: 25 December 2017/)).toBeVisible();

  // Next without a choice shows the field error and stays on the step.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Choose a datacenter.')).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(DATACENTER) }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Step 2 of 6: Image' })).toBeFocused();
  await expect(
    page.getByRole('radio', { name: /Debian 8 64 bits \(HVM\).*Deprecated/ }),
  ).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${IMAGE}`) }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Step 3 of 6: Size' })).toBeVisible();
  await page.getByLabel('Memory (MB)').fill('1000');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Memory is a multiple of 64 MB.')).toBeVisible();
  await page.getByLabel('Memory (MB)').fill('1024');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Step 4 of 6: Network' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Step 5 of 6: Access' })).toBeVisible();
  await expect(page.getByText(/emergency console will be unusable/)).toBeVisible();
  await page.getByLabel('Hostname').fill('-bad');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('A hostname cannot start or end with a hyphen.')).toBeVisible();
  await expect(page.getByText('Set a root password or choose at least one SSH key.')).toBeVisible();
  await page.getByLabel('Hostname').fill(hostname);
  await page.getByRole('button', { name: 'Generate a password' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(/^.{18}$/);
  await expect(page.getByText(/emergency console will be unusable/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Step 6 of 6: Review' })).toBeVisible();
  const call = page.locator('pre');
  await expect(call).toContainText('hosting.vm.create_from(');
  await expect(call).toContainText('apikey="••••"');
  await expect(call).toContainText(`"hostname": "${hostname}"`);
  // The summary stayed visible all along and has every choice.
  const summary = page.getByRole('complementary', { name: 'Summary' });
  await expect(summary).toContainText(DATACENTER);
  await expect(summary).toContainText(IMAGE);
  await expect(summary).toContainText(hostname);
}

function creationOperations(page: Page) {
  return page.getByRole('region', { name: 'Creation operations' }).locator('li[data-operation-id]');
}

test('create a VM, watch it reach DONE, resize, stop, start and delete it', async ({
  signedInPage: page,
  account,
}) => {
  const recorder = await recordBodies(page);
  await page.goto('/vms');
  await expect(page.getByText('No virtual machines yet')).toBeVisible();

  await fillWizard(page, 'web-e2e');
  await page.getByRole('button', { name: 'Create VM' }).click();

  await expect(page.getByRole('heading', { name: 'Creating web-e2e' })).toBeVisible();
  await expect(creationOperations(page)).toHaveCount(3);
  for (const row of await creationOperations(page).all()) {
    await expect(row).toContainText('Step: Done', { timeout: 30_000 });
  }
  await expect(page.getByText('web-e2e is ready.')).toBeVisible();
  await page.getByRole('link', { name: 'Open web-e2e' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /web-e2e/ })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('Running');
  await expect(page.getByText('1 core, 1 GB in FR-SD3')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Disks' })).toContainText('sys_web-e2e');
  await expect(page.getByRole('region', { name: 'Network interfaces and IPs' })).toContainText(
    'IPv4',
  );

  // Resize past the live maximum: the form says so before submit and wants the restart agreed.
  const cores = page.getByRole('spinbutton', { name: 'Cores' });
  const memory = page.getByRole('spinbutton', { name: 'Memory (MB)' });
  const maximum = Number(
    (await page.getByText(/^Live up to .*\(\d+ MB, this VM/).textContent())?.match(
      /\((\d+) MB/,
    )?.[1],
  );
  const above = maximum * 2;
  await memory.fill(String(above));
  await expect(page.getByText(/Needs a restart/)).toBeVisible();
  await expect(page.getByText(new RegExp(`the maximum becomes ${above} MB`))).toBeVisible();
  await cores.fill('2');
  await page.getByRole('checkbox', { name: 'Restart the VM to apply this change' }).check();
  await page.getByRole('button', { name: 'Apply and restart' }).click();
  const progress = page.getByRole('region', { name: 'Progress' });
  await expect(progress).toContainText('Resize and restart web-e2e');
  await expect(page.getByText(`2 cores, ${formatSize(above)} in FR-SD3`)).toBeVisible({
    timeout: 30_000,
  });
  // A live change within the new maximum says so too.
  await cores.fill('3');
  await expect(page.getByText(/No restart/)).toBeVisible();

  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop the VM' }).click();
  await expect(summary).toContainText('Halted', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(summary).toContainText('Running', { timeout: 30_000 });

  // Delete a running VM: typed confirmation, then stop, then delete, both shown.
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete web-e2e?' });
  await expect(dialog).toContainText('it will be stopped first');
  await expect(dialog.getByRole('button', { name: 'Delete this VM' })).toBeDisabled();
  await dialog.getByLabel(/Type web-e2e to confirm/).fill('web-e2e');
  await dialog.getByRole('button', { name: 'Delete this VM' }).click();
  await expect(page.getByText('Delete web-e2e — step 1 of 2: stop')).toBeVisible();
  await expect(page.getByText('Delete web-e2e — step 2 of 2: delete')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/\/vms$/, { timeout: 30_000 });
  await expect(page.getByText('No virtual machines yet')).toBeVisible();
  expect(await vmCount(account.apiKey)).toBe(0);

  await recorder.expectNoSecret(account.apiKey);
});

test('a failing creation shows the error and last_error', async ({
  signedInPage: page,
  account,
}) => {
  // The simulator's control channel makes the next vm_create of this account end in ERROR.
  await simControl('fail', { apiKey: account.apiKey, type: 'vm_create', count: 1 });
  await fillWizard(page, 'boot-e2e');
  await page.getByRole('button', { name: 'Create VM' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The creation of boot-e2e failed.' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('vm_create ended in ERROR');
  await expect(alert).toContainText(/Simulated failure of vm_create/);
  // The operation row itself shows last_error too.
  await expect(
    page
      .getByRole('region', { name: 'Creation operations' })
      .getByText(/Error:.*Simulated failure/),
  ).toBeVisible();
});

test('submitting the same wizard twice, and reloading it, creates one VM', async ({
  signedInPage: page,
  account,
}) => {
  await fillWizard(page, 'web-once');
  const actionPosts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action'])
      actionPosts.push(request.url());
  });
  // Two submits in the same tick, as a double click on a slow connection would send them.
  await page.locator('#create-vm-form').evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(page.getByText('web-once is ready.')).toBeVisible({ timeout: 30_000 });
  expect(actionPosts.length).toBeGreaterThanOrEqual(2);

  // The token is in the URL: a reload shows the same creation instead of a new wizard.
  expect(page.url()).toMatch(/token=[0-9a-f-]{36}/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Creating web-once' })).toBeVisible();
  await expect(page.getByText('web-once is ready.')).toBeVisible({ timeout: 30_000 });

  expect(await vmCount(account.apiKey)).toBe(1);
});

test('SSH keys only: the console warning stays, the keys go in the call', async ({
  signedInPage: page,
  account,
}) => {
  await addSshKey(account.apiKey, 'laptop');
  await page.goto('/vms/new');
  await page.getByRole('radio', { name: new RegExp(DATACENTER) }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: new RegExp(`^${IMAGE}`) }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: 'IPv6 only' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Hostname').fill('keys-only');
  await page.getByRole('checkbox', { name: /laptop/ }).check();
  // Allowed without a password, but the console warning stays.
  await expect(page.getByText(/emergency console will be unusable/)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  const call = page.locator('pre');
  await expect(call).toContainText('"ip_version": 6');
  await expect(call).toContainText('"keys": [');
  await expect(call).not.toContainText('"password"');
  await expect(page.getByRole('complementary', { name: 'Summary' })).toContainText('SSH: laptop');
  await page.getByRole('button', { name: 'Create VM' }).click();
  await expect(page.getByText('keys-only is ready.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Open keys-only' }).click();
  const ifaces = page.getByRole('region', { name: 'Network interfaces and IPs' });
  await expect(ifaces).toContainText('IPv6');
  await expect(ifaces).not.toContainText('IPv4');
});
