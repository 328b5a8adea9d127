/**
 * @file Bulk actions on the lists: a stop of three VMs where one is already halted gives three
 * per-item results (two started and followed live to DONE, one refused), the confirmation names
 * every item first, and nothing runs on cancel.
 */
import { expect, simControl, simRpc, test } from './fixtures';

/** Polls the simulator until the VM is in `state` (disks never use halted/running). */
async function waitForState(
  apiKey: string,
  vmId: number,
  state: 'halted' | 'running',
): Promise<void> {
  await expect
    .poll(async () => {
      const xml = await simRpc('hosting.vm.info', apiKey, vmId);
      return new RegExp(`<name>state</name>\\s*<value>\\s*<string>${state}<`).test(xml);
    })
    .toBe(true);
}

test('bulk stop of three VMs where one refuses shows three per-item results', async ({
  signedInPage: page,
  account,
}) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 3,
  });
  const [, halted] = vmIds as [number, number, number];
  await simRpc('hosting.vm.stop', account.apiKey, halted);
  await waitForState(account.apiKey, halted, 'halted');

  await page.goto('/vms');
  const boxes = page.getByRole('checkbox', { name: /^Select bulk/ });
  await expect(boxes).toHaveCount(3);
  const names = await boxes.evaluateAll((els) =>
    els.map((el) => (el.getAttribute('aria-label') ?? '').replace(/^Select /, '')),
  );
  const haltedName = names[1] as string;

  const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(toolbar.getByRole('button', { name: 'Stop selected' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(toolbar.getByText('3 VMs selected')).toBeVisible();

  // Cancel runs nothing.
  await toolbar.getByRole('button', { name: 'Stop selected' }).click();
  let dialog = page.getByRole('dialog', { name: 'Stop 3 VMs?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Bulk action results' })).toHaveCount(0);

  await toolbar.getByRole('button', { name: 'Stop selected' }).click();
  dialog = page.getByRole('dialog', { name: 'Stop 3 VMs?' });
  const listed = dialog.getByRole('list', { name: 'Selected items' }).getByRole('listitem');
  await expect(listed).toHaveText(names);
  await dialog.getByRole('button', { name: 'Stop 3 VMs' }).click();

  const results = page.getByRole('region', { name: 'Bulk action results' });
  await expect(results.getByRole('heading', { name: 'Stop: 2 started, 1 refused' })).toBeVisible();
  await expect(results.locator(':scope > ul > li')).toHaveCount(3);
  await expect(results.getByLabel(haltedName, { exact: true })).toContainText(
    `${haltedName}: refused. ${haltedName} is halted: only a running VM can be stopped.`,
  );
  for (const name of names.filter((n) => n !== haltedName)) {
    const item = results.getByLabel(name, { exact: true });
    await expect(item.getByRole('region', { name: `${name}: started` })).toBeVisible();
    await expect(item.getByText('Done', { exact: false })).toBeVisible({ timeout: 30_000 });
  }
  for (const id of vmIds) await waitForState(account.apiKey, id, 'halted');
  // After the operations settle the list shows the new states; the selection is cleared.
  await expect(page.getByRole('checkbox', { name: 'Select all on this page' })).not.toBeChecked();

  await test.step("bulk snapshot: each VM's system disk, one live result per VM", async () => {
    const diskCount = async () =>
      Number(/<(?:int|i4)>(\d+)</.exec(await simRpc('hosting.disk.count', account.apiKey))?.[1]);
    const before = await diskCount();
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await toolbar.getByRole('button', { name: 'Snapshot selected' }).click();
    const confirm = page.getByRole('dialog', { name: 'Snapshot 3 VMs?' });
    await expect(
      confirm.getByRole('list', { name: 'Selected items' }).getByRole('listitem'),
    ).toHaveText(names);
    await confirm.getByRole('button', { name: 'Snapshot 3 VMs' }).click();
    await expect(results.getByRole('heading', { name: 'Snapshot: 3 started' })).toBeVisible();
    for (const name of names) {
      const item = results.getByLabel(name, { exact: true });
      await expect(item.getByRole('region', { name: `${name}: started` })).toBeVisible();
      await expect(item.getByText('Done', { exact: false })).toBeVisible({ timeout: 30_000 });
    }
    expect(await diskCount()).toBe(before + 3);
  });
});

test('disk and IP lists offer their own bulk actions with every item named', async ({
  signedInPage: page,
  account,
}) => {
  await simControl('vms', { apiKey: account.apiKey, count: 2 });
  await page.goto('/disks');
  const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(toolbar.getByRole('button', { name: 'Snapshot selected' })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Delete selected' })).toBeDisabled();
  const diskBoxes = page.getByRole('checkbox', { name: /^Select / });
  await expect(diskBoxes).toHaveCount(3); // two system disks and the select-all
  await diskBoxes.nth(1).check();
  await toolbar.getByRole('button', { name: 'Delete selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 1 disk?' });
  await expect(dialog.getByText('Attached disks are refused')).toBeVisible();
  // A delete needs the word typed.
  await expect(dialog.getByRole('button', { name: 'Delete 1 disk' })).toBeDisabled();
  await dialog.getByLabel(/Type delete to confirm/).fill('delete');
  await dialog.getByRole('button', { name: 'Delete 1 disk' }).click();
  const results = page.getByRole('region', { name: 'Bulk action results' });
  await expect(results.getByRole('heading', { name: 'Delete: 1 refused' })).toBeVisible();
  await expect(results).toContainText(/detach/i);

  await page.goto('/network');
  await expect(
    page
      .getByRole('toolbar', { name: 'Bulk actions' })
      .getByRole('button', { name: 'Delete selected' }),
  ).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'Select all on this page' })).toBeVisible();
});
