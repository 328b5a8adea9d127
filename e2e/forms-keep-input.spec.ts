/**
 * @file Issue 16, item 2: a form the server refuses keeps everything that was typed or chosen —
 * the VLAN's datacenter (it fell back to the closing FR-SD2, and the retry created the VLAN
 * there), the new disk's datacenter and snapshot profile, the workspace form, the invite's email
 * and the sign-in key (kept in the browser only: the server never echoes it back).
 */
import { createAccount, expect, recordBodies, test } from './fixtures';
import { PASSWORD } from './team-workspace';

test('the VLAN form keeps its datacenter and subnet after the API refuses it', async ({
  signedInPage: page,
}) => {
  await page.goto('/network/vlans');
  const datacenter = page.getByLabel('Datacenter');
  // The default is an open datacenter, never the closing FR-SD2.
  await expect(datacenter.locator('option:checked')).not.toHaveText(/FR-SD2/);
  await page.getByLabel('Name').fill('backend');
  await datacenter.selectOption({ label: 'FR-SD3 — Paris, France SD3' });
  await page.getByRole('button', { name: 'Create VLAN' }).click();
  await expect(page.getByRole('row', { name: /backend/ })).toBeVisible();

  // The same name again: refused by the API on the name field.
  await page.getByLabel('Name').fill('backend');
  await datacenter.selectOption({ label: 'FR-SD5 — Paris, France SD5' });
  await page.getByLabel('Subnet (optional)').fill('10.20.0.0/24');
  await page.getByLabel('Gateway (optional)').fill('10.20.0.1');
  await page.getByRole('button', { name: 'Create VLAN' }).click();
  await expect(page.locator('#vlan-name-error')).not.toBeEmpty();
  await expect(datacenter.locator('option:checked')).toHaveText('FR-SD5 — Paris, France SD5');
  await expect(page.getByLabel('Name')).toHaveValue('backend');
  await expect(page.getByLabel('Subnet (optional)')).toHaveValue('10.20.0.0/24');
  await expect(page.getByLabel('Gateway (optional)')).toHaveValue('10.20.0.1');
});

test('the new-disk form keeps its datacenter and snapshot profile after a refusal', async ({
  signedInPage: page,
}) => {
  await page.goto('/disks/new');
  await page.getByLabel('Datacenter').selectOption({ label: 'FR-SD5 — Paris, France SD5' });
  await page.getByLabel('Name').fill('scratch');
  await page.getByLabel('Size (GB)').fill('999999');
  const profile = page.getByLabel('Automatic snapshots');
  await profile.selectOption({ label: 'full_week' });
  await page.getByRole('button', { name: 'Create disk' }).click();
  await expect(page.locator('#size_gb-error')).not.toBeEmpty();
  await expect(page.getByLabel('Datacenter').locator('option:checked')).toHaveText(
    'FR-SD5 — Paris, France SD5',
  );
  await expect(profile.locator('option:checked')).toHaveText('full_week');
  await expect(page.getByLabel('Name')).toHaveValue('scratch');
});

test('sign-in keeps the key in the field after a refusal, and never sends it back', async ({
  page,
}) => {
  const recorder = await recordBodies(page);
  const wrongKey = 'zz' + 'x'.repeat(22);
  await page.goto('/login');
  await page.getByLabel('API key', { exact: true }).fill(wrongKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Sign-in failed.')).toBeVisible();
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue(wrongKey);
  await recorder.expectNoSecret(wrongKey);
});

test('workspace creation and invitations keep their fields after a refusal', async ({ page }) => {
  const account = await createAccount();
  await page.goto('/login');
  await page.getByLabel('API key', { exact: true }).fill(account.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/team');
  const owner = `keep-${account.handle}@example.test`.toLowerCase();
  await page.getByLabel('Workspace name').fill('Keepers');
  await page.getByLabel('Your email (owner)').fill(owner);
  await page.getByLabel('Owner password').fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD + 'typo');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('Some fields need attention.')).toBeVisible();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Keepers');
  await expect(page.getByLabel('Your email (owner)')).toHaveValue(owner);
  await expect(page.getByLabel('Owner password')).toHaveValue(PASSWORD);

  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keepers' })).toBeVisible();

  await page.goto('/team/members');
  // Not an address: refused by the server (the form does not check it first).
  await page.getByLabel('Email').fill('bob@');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Viewer' });
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByText('Some fields need attention.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('bob@');
  await expect(page.getByLabel('Role', { exact: true }).locator('option:checked')).toHaveText(
    'Viewer',
  );
});
