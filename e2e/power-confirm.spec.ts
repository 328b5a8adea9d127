/**
 * @file Issue 16, item 7: Stop (power off) and Reboot ask first, as the bulk actions do; Cancel
 * changes nothing.
 */
import { expect, simVm, simVmField, simVmState, test } from './fixtures';

test('Stop and Reboot are confirmed; Cancel leaves the VM running', async ({
  signedInPage: page,
  account,
}) => {
  const vmId = await simVm(account.apiKey);
  const hostname = await simVmField(account.apiKey, vmId, 'hostname');
  await page.goto(`/vms/${vmId}`);

  await page.getByRole('button', { name: 'Reboot' }).click();
  const reboot = page.getByRole('dialog', { name: `Reboot ${hostname}?` });
  await expect(reboot).toBeVisible();
  await reboot.getByRole('button', { name: 'Cancel' }).click();
  await expect(reboot).toBeHidden();

  await page.getByRole('button', { name: 'Stop' }).click();
  const stop = page.getByRole('dialog', { name: `Stop ${hostname}?` });
  await expect(stop).toContainText('powered off');
  await stop.getByRole('button', { name: 'Cancel' }).click();
  await expect(stop).toBeHidden();
  expect(await simVmState(account.apiKey, vmId)).toBe('running');

  await page.getByRole('button', { name: 'Stop' }).click();
  await stop.getByRole('button', { name: 'Stop the VM' }).click();
  await expect.poll(() => simVmState(account.apiKey, vmId), { timeout: 30_000 }).toBe('halted');
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible({ timeout: 30_000 });
});
