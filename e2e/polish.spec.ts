/**
 * @file Issue 16 "Also": the small things a newcomer trips on — no price for a value the form
 * refuses, no kernel picker on a data disk, a CPU section that says which CPU metric the endpoint offers (or that it offers none),
 * one date format on Members, "one entry" rather than "All 1 entries".
 */
import { expect, simRpc, simVm, test } from './fixtures';
import { openWizardAtSize } from './wizard-steps';

test('the cost box waits for a value the form accepts', async ({ signedInPage: page }) => {
  await openWizardAtSize(page);
  const cost = page.getByRole('region', { name: /Cost/ }).first();
  await page.getByLabel('Memory (MB)').fill('2048');
  await expect(cost).toContainText('credits/hour');
  await page.getByLabel('Memory (MB)').fill('99999999');
  await expect(cost).toContainText('Complete the form to see what it costs.');
  await expect(cost).not.toContainText('credits/hour');
});

test('a data disk has no kernel picker; the metrics page explains the missing CPU chart', async ({
  signedInPage: page,
  account,
}) => {
  const created = await simRpc('hosting.disk.create', account.apiKey, {
    name: 'data1',
    size: 1024,
    datacenter_id: 4,
  });
  const diskId = Number(/<name>disk_id<\/name>\s*<value>\s*<(?:int|i4)>(\d+)</.exec(created)?.[1]);
  await page.goto(`/disks/${diskId}`);
  await expect(page.getByRole('heading', { name: 'Automatic snapshots' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kernel', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Kernel', { exact: true })).toHaveCount(0);

  const vmId = await simVm(account.apiKey);
  await page.goto(`/vms/${vmId}/metrics`);
  // The simulator offers vcpu.time.all: the page names it rather than leaving CPU out silently.
  await expect(page.getByRole('region', { name: 'CPU' })).toContainText(
    'This endpoint offers vcpu.time.all',
  );

  // …and the VM's overview charts it: one image with a summary in words, every hour in a table.
  await page.goto(`/vms/${vmId}`);
  const cpu = page.getByRole('region', { name: 'CPU' });
  await expect(
    cpu.getByRole('img', { name: /^CPU time, last 24 hours: [\d,.]+ s in total, peak/ }),
  ).toBeVisible();
  await cpu.getByText('Values as a table').click();
  await expect(cpu.getByRole('table').getByRole('row')).toHaveCount(25);
});
