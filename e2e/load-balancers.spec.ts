/**
 * @file Load balancers (Gandi's Web Accelerator) end to end: create one over two VMs (cost shown,
 * bad input refused as typed, values kept after a refusal), add a validated and an unvalidated
 * domain (the TXT and CNAME records shown with copy buttons, then accepted once published),
 * disable a backend, configure and test the probe, change the algorithm, delete with the name
 * typed; usable at phone width; and a team viewer cannot change one.
 */
import type { Locator, Page } from '@playwright/test';
import { createAccount, expect, simControl, simRpc, test } from './fixtures';
import { createWorkspace, inviteOperator } from './team-workspace';

async function expectAllDone(region: Locator): Promise<void> {
  const ops = region.getByRole('listitem');
  await expect(ops.first()).toBeVisible();
  for (const op of await ops.all())
    await expect(op).toContainText('Step: Done', { timeout: 30_000 });
}

/** A group of operations started from the detail page, followed live under its title. */
const progressOf = (page: Page, title: string) =>
  page.getByRole('region', { name: 'Progress' }).getByRole('region', { name: title }).last();

test('load balancer: create over two VMs → domains → backend off → probe → delete', async ({
  signedInPage: page,
  account,
}) => {
  test.setTimeout(120_000);
  await simControl('vms', { apiKey: account.apiKey, count: 2, datacenterId: 4 });
  await page.goto('/');
  await page.getByRole('link', { name: 'Load balancers' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Load balancers' })).toBeVisible();
  await expect(page.getByText('No load balancer yet')).toBeVisible();

  await page.getByLabel('Datacenter').selectOption({ label: 'FR-SD3 — Paris, France SD3' });
  await page.getByLabel('Name', { exact: true }).fill('lb-e2e');
  await page.getByLabel('Algorithm').selectOption('round-robin');
  // The two VMs' IPv4 addresses, offered for this datacenter.
  await page.getByRole('checkbox', { name: /^bulk00001 \d+\.\d+\.\d+\.\d+:80$/ }).check();
  await page.getByRole('checkbox', { name: /^bulk00002 \d+\.\d+\.\d+\.\d+:80$/ }).check();
  const typed = page.getByLabel('Other backends (optional)');
  await typed.fill('192.0.2.1:99999');
  await expect(page.getByText('Port 99999 is not 1–65535.')).toBeVisible();
  await typed.fill('');
  await page.getByLabel('Domains (optional)').fill('www.example.com');
  await expect(page.getByText('Cost: 300 credits/hour · 219,000 credits/month.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Accept HTTPS (SSL)' }).check();
  await expect(page.getByText('Cost: 360 credits/hour · 262,800 credits/month.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Accept HTTPS (SSL)' }).uncheck();
  await page.getByRole('button', { name: 'Create load balancer' }).click();
  await expectAllDone(page.getByRole('region', { name: 'Creating the load balancer' }));
  const row = page.getByRole('row', { name: /lb-e2e/ });
  await expect(row).toContainText('Running');
  await expect(row).toContainText('FR-SD3');
  await expect(row).toContainText('www.example.com');
  await expect(row).toContainText('2/2');

  // The same name again: refused on the name field, and what was typed stays.
  await page.getByLabel('Name', { exact: true }).fill('lb-e2e');
  await page.getByLabel('Domains (optional)').fill('api.example.com');
  await page.getByRole('button', { name: 'Create load balancer' }).click();
  await expect(page.getByText(/A webaccelerator named 'lb-e2e' exists/).first()).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('lb-e2e');
  await expect(page.getByLabel('Domains (optional)')).toHaveValue('api.example.com');

  await row.getByRole('link', { name: 'lb-e2e' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Load balancer lb-e2e' })).toBeVisible();
  const domains = page.getByRole('list', { name: 'Domains' });

  // A validated domain (example.com stands for a zone at Gandi's DNS) is added at once.
  const vhost = page.getByRole('textbox', { name: 'Add a domain' });
  await vhost.fill('shop.example.com');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await expectAllDone(progressOf(page, 'Add a domain'));
  await expect(domains).toContainText('shop.example.com');

  // An unvalidated one: refused with the records to publish, each with a copy button.
  await vhost.fill('www.acme-e2e.fr');
  await page.getByRole('button', { name: 'Add domain' }).click();
  const records = page.getByRole('region', { name: 'Records for acme-e2e.fr' });
  await expect(records).toContainText(
    /_webacc-[0-9a-f]{12} 3600 IN TXT "_webacc-[0-9a-f]{12}=[0-9a-f]{32}"/,
  );
  await expect(records).toContainText(
    /_webacc-[0-9a-f]{12} 3600 IN CNAME [0-9a-f]{12}\.webacc\.fr-sd3\.gandi\.net\./,
  );
  await expect(records.getByRole('button', { name: 'Copy' })).toHaveCount(2);
  await expect(vhost).toHaveValue('www.acme-e2e.fr');
  await expect(domains).not.toContainText('www.acme-e2e.fr');
  // Once the records are published (the simulator: once they had time to propagate), it is accepted.
  await expect(async () => {
    await page.getByRole('button', { name: 'Add domain' }).click();
    await expect(domains).toContainText('www.acme-e2e.fr', { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });

  // Disable one backend: it stops counting as up.
  const backends = page.getByRole('list', { name: 'Backends' });
  await backends
    .getByRole('button', { name: /^Disable / })
    .first()
    .click();
  await expectAllDone(progressOf(page, 'Change a backend'));
  await expect(backends.getByText('Disabled')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('1/2');

  // The probe: save it on, then test it — each backend's answer.
  await page.getByLabel('URL path').fill('/health');
  await page.getByLabel('Threshold (failures)').fill('9');
  await page.getByRole('button', { name: 'Save probe' }).click();
  await expect(page.getByText('The threshold cannot exceed the window.')).toBeVisible();
  await expect(page.getByLabel('URL path')).toHaveValue('/health');
  await page.getByLabel('Threshold (failures)').fill('3');
  await page.getByRole('checkbox', { name: /Probe on/ }).check();
  await page.getByRole('button', { name: 'Save probe' }).click();
  await expectAllDone(progressOf(page, 'Save the probe'));
  await page.getByRole('button', { name: 'Test probe' }).click();
  const results = page.getByRole('status', { name: 'Probe test results' });
  await expect(results).toContainText('Overall: status 200');
  await expect(results.getByText('200 in 0.05 s')).toHaveCount(2);

  // Algorithm.
  await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('client-ip');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expectAllDone(progressOf(page, 'Change the settings'));
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('client-ip');

  // Phone width: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Delete, with the name typed.
  await page.getByRole('button', { name: 'Delete load balancer' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('lb-e2e');
  await dialog.getByRole('button', { name: 'Delete load balancer' }).click();
  await expect(page).toHaveURL(/\/load-balancers$/, { timeout: 30_000 });
  await expect(page.getByText('No load balancer yet')).toBeVisible();
});

test('a team viewer sees a load balancer and cannot change it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const account = await createAccount();
  await simRpc('hosting.rproxy.create', account.apiKey, { datacenter_id: 4, name: 'team-lb' });
  const suffix = `${account.handle.toLowerCase().replace(/[^a-z0-9]/g, '')}${Date.now().toString(36)}`;
  await createWorkspace(page, account.apiKey, `owner-${suffix}@example.test`);
  const viewer = await inviteOperator(page, browser, `viewer-${suffix}@example.test`, 'Viewer');

  await viewer.goto('/load-balancers');
  await viewer
    .getByRole('row', { name: /team-lb/ })
    .getByRole('link', { name: 'team-lb' })
    .click();
  await expect(
    viewer.getByRole('heading', { level: 1, name: 'Load balancer team-lb' }),
  ).toBeVisible();
  await viewer.getByRole('combobox', { name: 'Algorithm' }).selectOption('round-robin');
  await viewer.getByRole('button', { name: 'Save settings' }).click();
  await expect(
    viewer.getByRole('alert').filter({ hasText: 'Your role (Viewer) does not allow this.' }),
  ).toBeVisible();
  // An input with suggestions (datalist) is a combobox.
  await viewer.getByRole('combobox', { name: 'Add a backend' }).fill('192.0.2.7:80');
  await viewer.getByRole('button', { name: 'Add backend' }).click();
  await expect(
    viewer.getByRole('alert').filter({ hasText: 'Your role (Viewer) does not allow this.' }),
  ).toHaveCount(2);
  const info = await simRpc('hosting.rproxy.list', account.apiKey);
  expect(info).toContain('<string>team-lb</string>');
  expect(await simRpc('hosting.rproxy.server.count', account.apiKey)).toContain('<int>0</int>');
  const lb = await simRpc(
    'hosting.rproxy.info',
    account.apiKey,
    Number(/<name>id<\/name>\s*<value><int>(\d+)/.exec(info)?.[1]),
  );
  expect(lb).toContain('<string>client-ip</string>');
  await viewer.context().close();
});
