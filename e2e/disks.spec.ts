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
  // A second one, its name left empty: generated from the disk's name and the UTC time.
  await section(page, 'Snapshot').getByRole('button', { name: 'Take snapshot' }).click();
  const generated = snapshots.getByRole('link', { name: /^e2e-data-snap-\d{8}-\d{6}$/ });
  await expect(generated).toBeVisible(SETTLE);
  const generatedName = await generated.textContent();

  // Rollback is refused while the VM runs, explained before submit.
  await expect(
    snapshots.getByText('Stop bulk00001 first: a disk is rolled back only while its VM is halted.'),
  ).toBeVisible();
  await expect(snapshots.getByRole('button', { name: 'Roll back' }).first()).toBeDisabled();
  // Stop the VM from its page, then come back.
  await page.goto(`/vms/${vmId}`);
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop the VM' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible(SETTLE);
  await page.goto(diskUrl);
  // Rolling back to the older snapshot warns that the later one is lost.
  await section(page, 'Snapshots')
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'e2e-snap', exact: true }) })
    .getByRole('button', { name: 'Roll back' })
    .click();
  const rollbackDialog = page.getByRole('dialog', { name: /Roll back e2e-data to e2e-snap/ });
  await expect(
    rollbackDialog.getByText(`Later snapshots are lost: ${generatedName ?? '?'}.`),
  ).toBeVisible();
  await rollbackDialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(
    page.getByRole('region', { name: 'Operations' }).getByText('Roll back disk').first(),
  ).toBeVisible(SETTLE);
  await expect(
    page
      .getByRole('region', { name: 'Operations' })
      .getByRole('row', { name: /Roll back disk.*Done/ }),
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

test('copies, kernel and command line, snapshot profile, migration, list filters and paging', async ({
  page,
  account,
}) => {
  test.setTimeout(180_000);
  // 26 VMs in FR-SD3 and one in FR-SD2 (closing: it takes new disks only from accounts already
  // there, and it can migrate to FR-SD3): 27 system disks, two pages of 25.
  await simControl('vms', { apiKey: account.apiKey, count: 26, datacenterId: 4 });
  await simControl('vms', { apiKey: account.apiKey, count: 1, datacenterId: 1 });
  await signIn(page, account.apiKey);

  // Paging and filters live in the URL and go through the API.
  await page.goto('/disks');
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await expect(pagination.getByText('1–25 of 27')).toBeVisible();
  await pagination.getByRole('link', { name: 'Next' }).click();
  await expect(pagination.getByText('26–27 of 27')).toBeVisible();
  await page.getByLabel('Datacenter').selectOption({ label: 'FR-SD2 — Equinix Paris' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/dc=1/);
  await expect(pagination.getByText('1–1 of 1')).toBeVisible();
  await page.getByLabel('Type').selectOption('snapshot');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('No disk matches these filters')).toBeVisible();

  // The system disk: detaching it is explained as impossible while its VM runs.
  await page.getByRole('link', { name: 'Clear' }).click();
  await page
    .getByRole('table', { name: /Disks, page 1/ })
    .getByRole('row')
    .nth(1)
    .getByRole('link')
    .first()
    .click();
  await expect(
    page.getByText(/This is the system disk of bulk\d+: stop the VM before detaching it\./),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Detach' })).toBeDisabled();

  // From an image (size left empty: the image's).
  await page.goto('/disks/new');
  await page.getByLabel('From an image').check();
  await page.getByLabel('Image', { exact: true }).selectOption({ label: 'Debian 9' });
  await page.getByLabel('Name').fill('from-image');
  await page.getByRole('button', { name: 'Create disk' }).click();
  await expect(page).toHaveURL(/\/disks\/\d+$/, SETTLE);
  const summary = section(page, 'Summary');
  await expect(summary.getByText('Debian 9')).toBeVisible();
  await expect(summary.getByText('3 GB', { exact: true })).toBeVisible();

  // Kernel and command line: a bad command line is refused in the form.
  const kernel = section(page, 'Kernel');
  await kernel.getByLabel('Kernel', { exact: true }).selectOption('3.10-x86_64');
  await kernel.getByLabel('Kernel command line').fill('ro ro');
  await expect(kernel.getByText('"ro" is given twice.')).toBeVisible();
  await expect(kernel.getByRole('button', { name: 'Save kernel' })).toBeDisabled();
  await kernel.getByLabel('Kernel command line').fill('root=/dev/sda ro console=ttyS0');
  await kernel.getByRole('button', { name: 'Save kernel' }).click();
  await expect(summary.getByText('root=/dev/sda ro console=ttyS0')).toBeVisible(SETTLE);
  await expect(summary.getByText('3.10-x86_64')).toBeVisible();

  // Snapshot profile set, then removed.
  const profile = section(page, 'Automatic snapshots');
  await profile.getByLabel('Automatic snapshots').selectOption({ label: 'full_week' });
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(summary.getByText(/full_week: keeps 7 snapshots/)).toBeVisible(SETTLE);
  await section(page, 'Automatic snapshots').getByLabel('Automatic snapshots').selectOption('');
  await section(page, 'Automatic snapshots').getByRole('button', { name: 'Save profile' }).click();
  await expect(summary.getByRole('definition').filter({ hasText: /^None$/ })).toBeVisible(SETTLE);

  // A copy of that disk: too small is refused (hint, then the server), the source's size works.
  await page.goto('/disks/new');
  await page.getByLabel('Copy of a disk').check();
  await page.getByLabel('Disk to copy').selectOption({ label: 'from-image (3 GB)' });
  await page.getByLabel('Name').fill('copy-1');
  await page.getByLabel('Size (GB)').fill('1');
  await expect(page.getByText('The copy must hold its source: at least 3 GB.')).toBeVisible();
  await page.getByRole('button', { name: 'Create disk' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The copy must hold its source' }),
  ).toBeVisible();
  await page.getByLabel('Size (GB)').fill('');
  await page.getByRole('button', { name: 'Create disk' }).click();
  await expect(page).toHaveURL(/\/disks\/\d+$/, SETTLE);
  await expect(section(page, 'Summary').getByRole('link', { name: 'from-image' })).toBeVisible();

  // Migration: an empty disk in FR-SD2, moved to FR-SD3 (its datacenter's can_migrate_to).
  await page.goto('/disks/new');
  await page.getByLabel('Datacenter').selectOption('1');
  await expect(page.getByText(/is closing: it accepts new disks only from accounts/)).toBeVisible();
  await page.getByLabel('Name').fill('mig-disk');
  await page.getByLabel('Size (GB)').fill('1');
  await page.getByRole('button', { name: 'Create disk' }).click();
  await expect(page).toHaveURL(/\/disks\/\d+$/, SETTLE);
  await expect(page.getByText('1 GB in FR-SD2')).toBeVisible();
  const migration = section(page, 'Migration');
  await expect(migration.getByLabel('Move to datacenter')).toHaveValue('4');
  await migration.getByRole('button', { name: 'Migrate' }).click();
  await expect(page.getByText('1 GB in FR-SD3')).toBeVisible(SETTLE);
  await expect(
    section(page, 'Migration').getByText('FR-SD3 offers no migration to another datacenter.'),
  ).toBeVisible();
});

test('a disk creation that fails upstream shows the reason and the form can be sent again', async ({
  page,
  account,
}) => {
  await simControl('fail', { apiKey: account.apiKey, type: 'disk_create', count: 1 });
  await signIn(page, account.apiKey);
  await page.goto('/disks/new');
  await page.getByLabel('Name').fill('unlucky');
  await page.getByLabel('Size (GB)').fill('2');
  await page.getByRole('button', { name: 'Create disk' }).click();
  const progress = page.getByRole('region', { name: 'Creating the disk' });
  await expect(progress.getByText('Failed')).toBeVisible(SETTLE);
  await expect(progress.getByText('Simulated failure of disk_create')).toBeVisible();
  await expect(page).toHaveURL(/\/disks\/new$/);
  // The failure is over: the same form goes through now.
  await page.getByRole('button', { name: 'Create disk' }).click();
  await expect(page).toHaveURL(/\/disks\/\d+$/, SETTLE);
  await expect(page.getByRole('heading', { level: 1, name: /unlucky/ })).toBeVisible();
});
