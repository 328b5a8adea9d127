/**
 * @file Issue 16, item 8: the VM page is a hub. From it alone: rename the VM, attach one of the
 * account's free disks, create and attach a new one, snapshot a disk, add a public IP — each
 * visible on the page once its operations settle — and the history names things ("web-1",
 * "data-disk") instead of "server 350003" / "disk 24660004".
 */
import type { Page } from '@playwright/test';
import { createAccount, expect, simRpc, simVm, test } from './fixtures';
import { createWorkspace, inviteOperator } from './team-workspace';

/** Operations run at the simulator's --speed 20: a few seconds at most, plus a page refresh. */
const SETTLE = { timeout: 30_000 };

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('from the VM page: rename, attach a disk, create one, snapshot, add an IP; history names them', async ({
  signedInPage: page,
  account,
}) => {
  test.setTimeout(180_000);
  const vmId = await simVm(account.apiKey);
  // A free data disk in the VM's datacenter (FR-SD3), made behind the panel's back.
  const diskOp = await simRpc('hosting.disk.create', account.apiKey, {
    name: 'data-disk',
    size: 10_240,
    datacenter_id: 4,
  });
  const diskId = Number(/<name>disk_id<\/name>\s*<value>\s*<(?:int|i4)>(\d+)</.exec(diskOp)?.[1]);
  expect(diskId).toBeGreaterThan(0);

  await page.goto(`/vms/${vmId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Rename: a hostname the API would refuse first — the error is shown, the typed text kept.
  const hostname = page.getByRole('textbox', { name: 'Hostname' });
  await hostname.fill('web 1');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByText('Use only letters, digits and hyphens').first()).toBeVisible();
  await expect(hostname).toHaveValue('web 1');
  await hostname.fill('web-1');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^web-1/ })).toBeVisible(SETTLE);

  // Attach the free disk: it becomes a link to its page in the VM's disks.
  const disks = region(page, 'Disks');
  const addDisk = region(page, 'Add a disk');
  // Free disks are looked up when asked for (the API has no filter for them).
  const findFree = addDisk.getByRole('button', { name: /^Find free disks in / });
  await expect
    .poll(async () => {
      await page.reload();
      await findFree.click();
      await expect(findFree).toBeHidden(SETTLE);
      return addDisk.getByLabel('Attach an existing disk').locator('option').allTextContents();
    }, SETTLE)
    .toContain('data-disk (10 GB)');
  await addDisk.getByLabel('Attach an existing disk').selectOption({ label: 'data-disk (10 GB)' });
  await addDisk.getByRole('button', { name: 'Attach disk' }).click();
  const dataDiskLink = disks.getByRole('link', { name: 'data-disk', exact: true });
  await expect(dataDiskLink).toBeVisible(SETTLE);
  await expect(dataDiskLink).toHaveAttribute('href', `/disks/${diskId}`);

  // Create and attach a new disk, its cost shown before it is created.
  await addDisk.getByLabel('Name', { exact: true }).fill('logs');
  await addDisk.getByLabel('Size (GB)').fill('5');
  await expect(addDisk.getByRole('region', { name: /Cost/ })).toContainText('This change');
  await addDisk.getByRole('button', { name: 'Create and attach' }).click();
  await expect(disks.getByRole('link', { name: 'logs', exact: true })).toBeVisible(SETTLE);

  // Snapshot the attached disk: its row counts one snapshot.
  const dataRow = disks.getByRole('row', { name: /data-disk/ });
  await expect(dataRow.getByRole('cell').last()).toHaveText('0');
  await disks.getByText('Snapshot or detach data-disk').click();
  await disks.getByRole('button', { name: 'Take snapshot' }).first().click();
  await expect(dataRow.getByRole('cell').last()).toHaveText('1', SETTLE);

  // Add a public IP: a second interface with its addresses.
  const ifaces = region(page, 'Network interfaces and IPs');
  await expect(ifaces.getByText('Interface 1', { exact: true })).toHaveCount(0);
  const addIp = region(page, 'Add a public IP');
  await expect(addIp.getByRole('region', { name: /Cost/ })).toContainText('This change');
  await addIp.getByRole('button', { name: 'Add public IP' }).click();
  await expect(ifaces.getByText('Interface 1', { exact: true })).toBeVisible(SETTLE);

  // The history names the VM and the disk, never "server <id>" / "disk <id>".
  await page.reload();
  const history = page.getByRole('table', { name: 'Operations of this VM' });
  await expect(history.getByRole('link', { name: 'web-1' }).first()).toBeVisible();
  await expect(history.getByRole('link', { name: 'data-disk' }).first()).toBeVisible();
  await expect(history).not.toContainText(`server ${vmId}`);
  await expect(history).not.toContainText(`disk ${diskId}`);

  // So does the account's operations page.
  await page.goto('/operations');
  const all = page.getByRole('table', { name: 'Operations' });
  await expect(all.getByRole('link', { name: 'web-1' }).first()).toBeVisible();
  await expect(all.getByRole('link', { name: 'data-disk' }).first()).toBeVisible();
  await expect(all).not.toContainText(`server ${vmId}`);
});

test('a team viewer sees the VM hub’s controls disabled, each with the reason', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const account = await createAccount();
  const vmId = await simVm(account.apiKey);
  await simRpc('hosting.disk.create', account.apiKey, {
    name: 'spare',
    size: 1024,
    datacenter_id: 4,
  });
  const suffix = `${account.handle.toLowerCase().replace(/[^a-z0-9]/g, '')}${Date.now().toString(36)}`;
  await createWorkspace(page, account.apiKey, `owner-${suffix}@example.test`);
  const viewer = await inviteOperator(page, browser, `viewer-${suffix}@example.test`, 'Viewer');

  await viewer.goto(`/vms/${vmId}`);
  const reason = 'Viewers can look but not change anything.';
  const rename = viewer.getByRole('button', { name: 'Rename' });
  await expect(rename).toBeDisabled();
  await expect(rename).toHaveAccessibleDescription(reason);
  const addDisk = region(viewer, 'Add a disk');
  await expect(addDisk.getByText(reason)).toBeVisible();
  await expect(addDisk.getByRole('button', { name: 'Create and attach' })).toBeDisabled();
  await expect(
    addDisk.getByRole('button', { name: 'Create and attach' }),
  ).toHaveAccessibleDescription(reason);
  const addIp = region(viewer, 'Add a public IP');
  await expect(addIp.getByRole('button', { name: 'Add public IP' })).toBeDisabled();
  await expect(addIp.getByRole('button', { name: 'Add public IP' })).toHaveAccessibleDescription(
    reason,
  );
  const disks = region(viewer, 'Disks');
  await disks
    .getByText(/^Snapshot or detach /)
    .first()
    .click();
  await expect(disks.getByRole('button', { name: 'Take snapshot' }).first()).toBeDisabled();
  await expect(disks.getByText(reason).first()).toBeVisible();
});
