import { expect, simControl, test } from './fixtures';

/** FR-SD2 (id 1) is the simulator's one datacenter with a migration target (FR-SD3, id 4). */
async function createVm(apiKey: string, datacenterId: number): Promise<number> {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey,
    count: 1,
    datacenterId,
  });
  const id = vmIds[0];
  if (id === undefined) throw new Error('the simulator created no VM');
  return id;
}

test.describe('VM migration', () => {
  test('a VM moves to another datacenter: check, start, copy, finalize', async ({
    signedInPage: page,
    account,
  }) => {
    const vmId = await createVm(account.apiKey, 1);
    await page.goto(`/vms/${vmId}`);
    await page
      .getByRole('navigation', { name: 'VM sections' })
      .getByRole('link', { name: 'Migration' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/vms/${vmId}/migration$`));

    const check = page.getByRole('region', { name: 'Can this VM move?' });
    await expect(check.getByText('FR-SD2 (Equinix Paris)', { exact: true })).toBeVisible();
    await expect(check.getByText('FR-SD3 (Paris, France SD3)', { exact: true })).toBeVisible();
    await expect(page.getByText('This VM has never been migrated.')).toBeVisible();

    // Cancelling the confirmation starts nothing.
    await page.getByRole('button', { name: 'Start the migration' }).click();
    const startDialog = page.getByRole('dialog', { name: /^Migrate / });
    await expect(startDialog).toContainText('FR-SD3 (Paris, France SD3)');
    await startDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('This VM has never been migrated.')).toBeVisible();

    await page.getByRole('button', { name: 'Start the migration' }).click();
    await startDialog.getByRole('button', { name: 'Start the migration' }).click();
    const status = page.getByRole('region', { name: 'Migration in progress' });
    await expect(status).toBeVisible();
    await expect(status).toContainText('From FR-SD2 (Equinix Paris) to FR-SD3 (Paris, France SD3)');
    await expect(check.getByText('A migration of this VM is already under way.')).toBeVisible();
    await expect(status.getByRole('region', { name: 'Migration operation' })).toBeVisible();

    // The copy ends in wait_finalize: the page offers the finalize step and says it is waiting.
    const finalize = status.getByRole('button', { name: 'Finalize the migration' });
    await expect(finalize).toBeVisible({ timeout: 30_000 });
    await expect(
      status.getByRole('listitem').filter({ has: page.getByText('Waiting for you to finalize') }),
    ).toHaveAttribute('aria-current', 'step');
    await expect(status.getByText('Ready to finalize')).toBeVisible();

    await finalize.click();
    await page
      .getByRole('dialog', { name: /^Finalize the migration/ })
      .getByRole('button', { name: 'Finalize' })
      .click();
    const last = page.getByRole('region', { name: 'Last migration' });
    await expect(last).toBeVisible({ timeout: 30_000 });
    await expect(last.getByText('Done', { exact: true })).toBeVisible();
    await expect(check.getByText('FR-SD3 (Paris, France SD3)', { exact: true })).toBeVisible();
    await expect(check.getByText('No datacenter')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Finalize the migration' })).toHaveCount(0);

    // The VM page agrees: it now lives in FR-SD3.
    await page
      .getByRole('navigation', { name: 'VM sections' })
      .getByRole('link', { name: 'Overview' })
      .click();
    await expect(page.getByText(/[MG]B in FR-SD3$/)).toBeVisible();
  });

  test('a VM whose datacenter offers no target says why and offers no start', async ({
    signedInPage: page,
    account,
  }) => {
    const vmId = await createVm(account.apiKey, 4);
    await page.goto(`/vms/${vmId}/migration`);
    const check = page.getByRole('region', { name: 'Can this VM move?' });
    await expect(check.getByText('No datacenter')).toBeVisible();
    await expect(check.getByText('This VM cannot be migrated from its datacenter.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start the migration' })).toHaveCount(0);
  });

  test('a migration that fails at the switch-over says why, and the VM stays where it was', async ({
    signedInPage: page,
    account,
  }) => {
    const vmId = await createVm(account.apiKey, 1);
    await simControl('fail', { apiKey: account.apiKey, type: 'hosting_migration_vm' });
    await page.goto(`/vms/${vmId}/migration`);
    await page.getByRole('button', { name: 'Start the migration' }).click();
    await page
      .getByRole('dialog', { name: /^Migrate / })
      .getByRole('button', { name: 'Start the migration' })
      .click();
    await page.getByRole('button', { name: 'Finalize the migration' }).click({ timeout: 30_000 });
    await page
      .getByRole('dialog', { name: /^Finalize the migration/ })
      .getByRole('button', { name: 'Finalize' })
      .click();
    const last = page.getByRole('region', { name: 'Last migration' });
    await expect(last.getByRole('alert')).toContainText('The migration failed: Simulated failure', {
      timeout: 30_000,
    });
    await expect(last.getByText('Failed', { exact: true })).toBeVisible();
    const check = page.getByRole('region', { name: 'Can this VM move?' });
    await expect(check.getByText('FR-SD2 (Equinix Paris)', { exact: true })).toBeVisible();
    // It can be tried again.
    await expect(page.getByRole('button', { name: 'Start the migration' })).toBeVisible();
  });
});
