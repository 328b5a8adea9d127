import { expect, recordBodies, simControl, test } from './fixtures';

async function createVm(apiKey: string): Promise<number> {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', { apiKey, count: 1 });
  const id = vmIds[0];
  if (id === undefined) throw new Error('the simulator created no VM');
  return id;
}

test.describe('emergency console', () => {
  test('enabling shows the SSH command with the public IPv4; disabling hides it', async ({
    signedInPage: page,
    account,
  }) => {
    const vmId = await createVm(account.apiKey);
    // The VM's public IPv4, as the overview lists it.
    await page.goto(`/vms/${vmId}`);
    const ipv4 = (
      await page
        .getByRole('list', { name: /IP addresses of interface/ })
        .first()
        .getByText(/^\d+\.\d+\.\d+\.\d+$/)
        .first()
        .textContent()
    )?.trim();
    expect(ipv4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    await page
      .getByRole('navigation', { name: 'VM sections' })
      .getByRole('link', { name: 'Console' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Emergency console');
    const access = page.getByRole('region', { name: 'Console access' });
    await expect(access.getByText('Disabled', { exact: true })).toBeVisible();
    await expect(page.getByText(/^ssh /)).toHaveCount(0);
    const prerequisites = page.getByRole('list', { name: 'Console prerequisites' });
    await expect(prerequisites.getByText('Present')).toBeVisible();
    await expect(prerequisites.getByText('Required — cannot be checked')).toBeVisible();

    // Bad input: enabling without confirming a root password is refused on that field.
    await page.getByRole('button', { name: 'Enable the console' }).click();
    const confirm = page.getByLabel(/A root password is set/);
    await expect(page.getByText('Confirm that a root password is set')).toBeVisible();
    await expect(confirm).toHaveAttribute('aria-invalid', 'true');

    await confirm.check();
    await page.getByRole('button', { name: 'Enable the console' }).click();
    const progress = page.getByRole('region', { name: 'Progress' });
    await expect(progress.getByRole('heading', { name: 'Enabling the console' })).toBeVisible();
    const command = page.getByText(`ssh ${ipv4}@console.gandi.net`, { exact: true });
    await expect(command).toBeVisible({ timeout: 20_000 });
    await expect(access.getByText('Enabled', { exact: true })).toBeVisible();

    // It survives a reload (it is the VM's state, not the page's).
    await page.reload();
    await expect(command).toBeVisible();

    await page.getByRole('button', { name: 'Disable the console' }).click();
    await expect(page.getByText(/^ssh /)).toHaveCount(0, { timeout: 20_000 });
    await expect(access.getByText('Disabled', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Enable the console' })).toBeVisible();
  });

  test('the root password form refuses short and mismatched passwords, then sets one', async ({
    signedInPage: page,
    account,
  }) => {
    const vmId = await createVm(account.apiKey);
    const recorder = await recordBodies(page);
    await page.goto(`/vms/${vmId}/console`);
    const password = page.getByLabel('New root password');
    const again = page.getByLabel('Type it again');
    const submit = page.getByRole('button', { name: 'Set the root password' });

    await password.fill('short');
    await again.fill('short');
    await submit.click();
    await expect(page.getByText('A password has at least 8 characters.')).toBeVisible();
    await expect(password).toHaveAttribute('aria-invalid', 'true');

    await password.fill('correct-horse-1');
    await again.fill('correct-horse-2');
    await submit.click();
    await expect(page.getByText('The two passwords differ.')).toBeVisible();

    await password.fill('correct-horse-1');
    await again.fill('correct-horse-1');
    await submit.click();
    const progress = page.getByRole('region', { name: 'Progress' });
    await expect(
      progress.getByRole('heading', { name: 'Setting the root password' }),
    ).toBeVisible();
    await expect(progress.getByText('DONE', { exact: true }).first()).toBeVisible({
      timeout: 20_000,
    });
    // The password goes up, never back down; nor does the API key.
    await recorder.expectNoSecret('correct-horse-1');
    await recorder.expectNoSecret(account.apiKey);
  });
});
