/**
 * @file Disks and snapshots, end to end in the browser against the simulator: create → attach →
 * resize → snapshot → rollback → detach → delete, with the refusals the page must explain before
 * anything is submitted (shrink, delete while attached, rollback while the VM runs).
 */
import type { Page } from '@playwright/test';
import { expect, recordBodies, signIn, simControl, test } from './fixtures';

/** Operations run at the simulator's --speed 20: a few seconds at most, plus a page refresh. */
const SETTLE = { timeout: 30_000 };

function section(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

test('disk life cycle: create, attach, resize, snapshot, rollback, detach, delete', async ({
  page,
  account,
}) => {
  test.setTimeout(180_000);
  // A VM to attach to, made through the simulator's control API (not the wizard).
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 1,
    datacenterId: 4,
  });
  const vmId = vmIds[0];
  const bodies = await recordBodies(page);
  await signIn(page, account.apiKey);

  // The list shows the VM's system disk, attached at position 0.
  await page.getByRole('link', { name: 'Disks', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disks' })).toBeVisible();
  const table = page.getByRole('table', { name: /Disks, page 1/ });
  await expect(table.getByText('position 0 (system disk)')).toBeVisible();

  // Create an empty disk. Bad input first: a name with a space, a size of 0.
  await page.getByRole('link', { name: 'Create disk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a disk' })).toBeVisible();
  await page.getByLabel('Datacenter').selectOption({ label: 'FR-SD3 — Paris, France SD3' });
  await page.getByLabel('Name').fill('bad name');
  await expect(page.getByText(/Use letters, digits, dots, hyphens and underscores/)).toBeVisible();
  await page.getByLabel('Size (GB)').fill('0');
  await page.getByRole('button', { name: 'Create disk' }).click();
  await expect(page.getByText('Some fields need attention.')).toBeVisible();
  await expect(page.getByText('A disk is at least 1 GB.').first()).toBeVisible();
  await page.getByLabel('Name').fill('e2e-data');
  await page.getByLabel('Size (GB)').fill('5');
  await page.getByRole('button', { name: 'Create disk' }).click();
  await expect(page).toHaveURL(/\/disks\/\d+$/, SETTLE);
  await expect(page.getByRole('heading', { level: 1, name: /e2e-data/ })).toBeVisible();
  const diskUrl = page.url();

  // Attach to the VM (position left empty: after its system disk).
  const attachment = section(page, 'Attachment');
  await attachment.getByLabel('Attach to VM').selectOption(String(vmId));
  // A position past the VM's disks is refused with the reason next to the field.
  await attachment.getByLabel('Position (optional)').fill('5');
  await attachment.getByRole('button', { name: 'Attach' }).click();
  await expect(
    attachment.getByText(/bulk00001 has 1 disk: choose a position from 0 to 1/),
  ).toBeVisible();
  await attachment.getByLabel('Position (optional)').fill('');
  await attachment.getByRole('button', { name: 'Attach' }).click();
  await expect(attachment.getByText('position 1')).toBeVisible(SETTLE);

  // Delete is refused while attached, and says why before anything is pressed.
  const deletion = section(page, 'Delete');
  await expect(
    deletion.getByText('This disk is attached to bulk00001: detach it before deleting it.'),
  ).toBeVisible();
  await expect(deletion.getByRole('button', { name: 'Delete disk' })).toBeDisabled();

  // Resize: shrinking is refused in the form itself; growing works.
  const nameSize = section(page, 'Name and size');
  await expect(
    nameSize.getByText('A disk can only grow: shrinking is impossible.', { exact: false }),
  ).toBeVisible();
  await nameSize.getByLabel('Size (GB)').fill('3');
  await expect(
    nameSize.getByText('A disk cannot be made smaller: choose at least 5 GB.'),
  ).toBeVisible();
  await expect(nameSize.getByRole('button', { name: 'Save name and size' })).toBeDisabled();
  await nameSize.getByLabel('Size (GB)').fill('8');
  await nameSize.getByRole('button', { name: 'Save name and size' }).click();
  const summary = section(page, 'Summary');
  await expect(summary.getByText('8 GB', { exact: true })).toBeVisible(SETTLE);

  // Snapshot.
  const snapshot = section(page, 'Snapshot');
  await snapshot.getByLabel('Snapshot name (optional)').fill('e2e-snap');
  await snapshot.getByRole('button', { name: 'Take snapshot' }).click();
  const snapshots = section(page, 'Snapshots');
  await expect(snapshots.getByRole('link', { name: 'e2e-snap' })).toBeVisible(SETTLE);

  // Rollback is refused while the VM runs, explained before submit.
  await expect(
    snapshots.getByText('Stop bulk00001 first: a disk is rolled back only while its VM is halted.'),
  ).toBeVisible();
  await expect(snapshots.getByRole('button', { name: 'Roll back' })).toBeDisabled();
  // Stop the VM from its page, then come back.
  await page.goto(`/vms/${vmId}`);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible(SETTLE);
  await page.goto(diskUrl);
  await section(page, 'Snapshots').getByRole('button', { name: 'Roll back' }).click();
  const rollbackDialog = page.getByRole('dialog', { name: /Roll back e2e-data to e2e-snap/ });
  await expect(
    rollbackDialog.getByText(/This is the latest snapshot: no other snapshot is lost/),
  ).toBeVisible();
  await rollbackDialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(
    page.getByRole('region', { name: 'Operations' }).getByText('Roll back disk').first(),
  ).toBeVisible(SETTLE);
  await expect(
    page
      .getByRole('region', { name: 'Operations' })
      .getByRole('row', { name: /Roll back disk.*DONE/ }),
  ).toBeVisible(SETTLE);

  // Detach.
  await section(page, 'Attachment').getByRole('button', { name: 'Detach' }).click();
  await expect(section(page, 'Attachment').getByText('Not attached.')).toBeVisible(SETTLE);

  // Delete: the confirm button stays disabled until the exact name is typed.
  await section(page, 'Delete').getByRole('button', { name: 'Delete disk' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete e2e-data?' });
  const confirm = deleteDialog.getByRole('button', { name: 'Delete this disk' });
  await deleteDialog.getByLabel(/Type e2e-data to confirm/).fill('e2e-dat');
  await expect(confirm).toBeDisabled();
  await deleteDialog.getByLabel(/Type e2e-data to confirm/).fill('e2e-data');
  await confirm.click();
  await expect(page).toHaveURL(/\/disks$/, SETTLE);
  await expect(page.getByRole('link', { name: 'e2e-data', exact: true })).toHaveCount(0);
  // The snapshot is a disk of its own and is kept.
  await expect(page.getByRole('link', { name: 'e2e-snap' })).toBeVisible();

  await bodies.expectNoSecret(account.apiKey);
});

test('a disk that does not exist shows a not-found page', async ({ page, account }) => {
  await signIn(page, account.apiKey);
  await page.goto('/disks/999999999');
  await expect(page.getByText('This disk does not exist')).toBeVisible();
  await page.goto('/disks/not-a-number');
  await expect(page.getByText('This disk does not exist')).toBeVisible();
});
