/**
 * @file VM templates in a team workspace: the owner defines one (the wizard's rules apply), then
 * launches it in one step with its cost shown and follows the creation live; a template closed
 * to operators is not offered to one.
 */
import type { Page } from '@playwright/test';
import { createAccount, expect, SIM_BASE, test } from './fixtures';

const PASSWORD = 'templates-e2e-password-1';
const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGa7yvnNvRfUZ0keklfciuduXfzwXk4mrILd4U9f4iwB e2e@panel';

async function simCall(method: string, paramsXml: string): Promise<string> {
  const response = await fetch(`${SIM_BASE}/xmlrpc/`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: `<?xml version='1.0'?><methodCall><methodName>${method}</methodName><params>${paramsXml}</params></methodCall>`,
  });
  const text = await response.text();
  if (text.includes('<fault>')) throw new Error(`${method} faulted: ${text}`);
  return text;
}

async function addSshKey(apiKey: string, name: string): Promise<void> {
  await simCall(
    'hosting.ssh.create',
    `<param><value><string>${apiKey}</string></value></param>` +
      '<param><value><struct>' +
      `<member><name>value</name><value><string>${PUBLIC_KEY}</string></value></member>` +
      `<member><name>name</name><value><string>${name}</string></value></member>` +
      '</struct></value></param>',
  );
}

async function createWorkspace(page: Page, apiKey: string, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/team');
  await page.getByLabel('Workspace name').fill('Templates team');
  await page.getByLabel('Your email (owner)').fill(email);
  await page.getByLabel('Owner password').fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates team' })).toBeVisible();
}

async function defineTemplate(
  page: Page,
  name: string,
  options: { memory?: string; operators?: boolean } = {},
): Promise<void> {
  await page.goto('/team/templates');
  await page.getByLabel('Template name').fill(name);
  await page.getByLabel('Datacenter').selectOption({ label: 'Paris, France SD3 (FR-SD3)' });
  const image = page.getByLabel('Image');
  const debian = await image
    .locator('option')
    .filter({ hasText: /^Debian 9/ })
    .first()
    .getAttribute('value');
  await image.selectOption(debian ?? '');
  await page.getByLabel('Cores').fill('2');
  await page.getByLabel('Memory (MB)').fill(options.memory ?? '2048');
  await page.getByLabel('System disk (GB)').fill('10');
  await page.getByRole('checkbox', { name: 'laptop' }).check();
  await page.getByLabel('First-boot script (optional)').fill('#!/bin/sh\necho ready > /etc/motd\n');
  await page.getByLabel('Snapshot profile of the system disk').selectOption({ label: 'minimal' });
  if (options.operators === false)
    await page.getByRole('checkbox', { name: 'Operators' }).uncheck();
  // The definition shows what each launch will cost: 2×168 + 2×120 + 10×135 + 210.
  if (!options.memory) {
    await expect(page.getByRole('region', { name: /Cost per VM launched/ })).toContainText(
      '+2,136 credits/hour',
    );
  }
  await page.getByRole('button', { name: 'Save template' }).click();
}

test('an owner defines a template and launches a VM from it in one step', async ({ page }) => {
  const account = await createAccount(1_000_000);
  await addSshKey(account.apiKey, 'laptop');
  await createWorkspace(page, account.apiKey, `owner-${account.handle}@example.test`);

  // The wizard's rules apply to templates.
  await defineTemplate(page, 'web small', { memory: '1000' });
  await expect(page.getByText('Memory is a multiple of 64 MB.')).toBeVisible();
  await defineTemplate(page, 'web small');
  await expect(page.getByText('Template “web small” saved.')).toBeVisible();

  const template = page.getByRole('region', { name: 'Template web small' });
  await expect(template).toContainText('2 cores, 2 GB RAM, 10 GB disk');
  await expect(template).toContainText('first-boot script');
  await expect(template).toContainText('snapshots: minimal');
  await expect(template.getByRole('region', { name: /^Cost/ })).toContainText(
    'This change+2,136 credits/hour',
  );
  await template.getByLabel('Hostname').fill('tpl-web-1');
  await template.getByRole('button', { name: 'Launch' }).click();

  const progress = template.getByRole('region', { name: 'Launching tpl-web-1' });
  await expect(progress).toBeVisible();
  await expect(progress.locator('li[data-operation-id]')).toHaveCount(3);
  for (const row of await progress.locator('li[data-operation-id]').all()) {
    await expect(row).toContainText('DONE', { timeout: 30_000 });
  }
  await template.getByRole('link', { name: 'Open tpl-web-1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /tpl-web-1/ })).toBeVisible();
  await expect(page.getByText('2 cores, 2048 MB in FR-SD3')).toBeVisible();

  await test.step('an admin edits the template (same rules) and then deletes it', async () => {
    await page.goto('/team/templates');
    const edited = page.getByRole('region', { name: 'Template web small' });
    await edited.getByRole('button', { name: 'Edit template' }).click();
    const editor = edited.getByRole('form', { name: 'Edit template web small' });
    await expect(editor.getByLabel('Memory (MB)')).toHaveValue('2048');
    await editor.getByLabel('Memory (MB)').fill('1000');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expect(editor.getByText('Memory is a multiple of 64 MB.')).toBeVisible();
    await editor.getByLabel('Memory (MB)').fill('3072');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expect(editor.getByText('Template “web small” saved.')).toBeVisible();
    await expect(edited).toContainText('2 cores, 3 GB RAM, 10 GB disk');
    // What was not edited is kept.
    await expect(edited).toContainText('first-boot script');
    await expect(edited).toContainText('snapshots: minimal');

    await edited.getByRole('button', { name: 'Delete template' }).click();
    await edited.getByRole('button', { name: 'Delete “web small”' }).click();
    await expect(page.getByRole('region', { name: 'Template web small' })).toHaveCount(0);
    await expect(page.getByText('No template yet.')).toBeVisible();
  });
});

async function vmCount(apiKey: string): Promise<number> {
  const xml = await simCall(
    'hosting.vm.count',
    `<param><value><string>${apiKey}</string></value></param>`,
  );
  return Number(/<(?:int|i4)>(\d+)</.exec(xml)?.[1]);
}

test('a member at quota is stopped before any API call; resize past it is refused too', async ({
  page,
}) => {
  const account = await createAccount(1_000_000);
  await addSshKey(account.apiKey, 'laptop');
  await createWorkspace(page, account.apiKey, `quota-${account.handle}@example.test`);
  await defineTemplate(page, 'web small');
  await expect(page.getByText('Template “web small” saved.')).toBeVisible();

  // One VM and four cores for the owner.
  await page.goto('/team/quotas');
  const mine = page.getByRole('form', { name: /^Quota of quota-/ });
  await mine.getByLabel('VMs').fill('1');
  await mine.getByLabel('Cores').fill('4');
  await mine.getByRole('button', { name: 'Save quota' }).click();
  await expect(mine.getByText('Saved.')).toBeVisible();

  await page.goto('/team/templates');
  const template = page.getByRole('region', { name: 'Template web small' });
  await template.getByLabel('Hostname').fill('quota-a');
  await template.getByRole('button', { name: 'Launch' }).click();
  const rows = template.locator('li[data-operation-id]');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toContainText('DONE', { timeout: 30_000 });
  expect(await vmCount(account.apiKey)).toBe(1);

  await page.goto('/team/templates');
  await page
    .getByRole('region', { name: 'Template web small' })
    .getByLabel('Hostname')
    .fill('quota-b');
  await page
    .getByRole('region', { name: 'Template web small' })
    .getByRole('button', { name: 'Launch' })
    .click();
  await expect(page.getByRole('alert').filter({ hasText: 'Over quota' })).toContainText(
    'VMs: your quota is 1, 1 used, this asks for 1 more.',
  );
  expect(await vmCount(account.apiKey)).toBe(1);

  // The dashboard says what is used and left.
  await page.goto('/');
  const card = page.getByRole('region', { name: 'Your quota' });
  await expect(card.getByRole('row', { name: /VMs/ })).toContainText('110');
  await expect(card.getByRole('row', { name: /Cores/ })).toContainText('242');

  // Growing the VM past the cores quota is refused before the API call.
  await page.goto('/vms');
  await page.getByRole('link', { name: 'quota-a' }).click();
  await page.getByRole('spinbutton', { name: 'Cores' }).fill('5');
  await page.getByRole('button', { name: /^Apply/ }).click();
  await expect(
    page.getByText('Cores: your quota is 4, 2 used, this asks for 3 more.'),
  ).toBeVisible();
  await expect(page.getByText('2 cores, 2048 MB in FR-SD3')).toBeVisible();
});
