/**
 * @file VM templates in a team workspace: the owner defines one (the wizard's rules apply), then
 * launches it in one step with its cost shown and follows the creation live; a template closed
 * to operators is not offered to one.
 */
import { addSshKey, createAccount, expect, test, vmCount } from './fixtures';

import { createWorkspace, defineTemplate } from './team-workspace';

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
  await expect(page.getByText('2 cores, 2 GB in FR-SD3')).toBeVisible();

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
  await expect(page.getByText('2 cores, 2 GB in FR-SD3')).toBeVisible();
});
