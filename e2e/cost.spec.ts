/**
 * @file Cost before action: the wizard and the resize form show what the change adds per hour,
 * the account's new burn and the runway it leaves, labelled as an estimate. Prices are the
 * simulator's catalogue (cpu 168/core, ram 120/GB, disk 135/GB, IPv4 210, IPv6 free).
 */
import { createAccount, expect, signIn, simControl, simRpc, test } from './fixtures';
import { openWizardAtSize } from './wizard-steps';

test('the wizard shows the cost and runway of the VM being configured', async ({ page }) => {
  const account = await createAccount(10_000);
  await signIn(page, account.apiKey);
  await openWizardAtSize(page);

  const cost = page.getByRole('region', { name: /Cost of this VM/ });
  await expect(cost).toContainText('estimate');
  await page.getByLabel('Cores').fill('2');
  await page.getByLabel('Memory (MB)').fill('2048');
  await page.getByLabel('System disk (GB)').fill('10');
  // 2×168 + 2×120 + 10×135 + 210 (IPv4; IPv6 is free) on an account that burns nothing yet.
  await expect(cost).toContainText('This change+2,136 credits/hour · +1,559,280 credits/month');
  await expect(cost).toContainText('New burn2,136 credits/hour · 1,559,280 credits/month');
  await expect(cost).toContainText('A month is counted as 730 hours. Prices are in Gandi credits.');
  await expect(cost).toContainText('Runway4 hours (10,000 credits)');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Step 4 of 6: Network' })).toBeVisible();
  await page.getByRole('radio', { name: /IPv6 only/ }).check();
  await expect(cost).toContainText('This change+1,926 credits/hour');
  await expect(cost).toContainText('Runway5 hours (10,000 credits)');
});

test('the resize form shows the cost of more cores, and a halted VM is billed once running', async ({
  signedInPage: page,
  account,
}) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 1,
  });
  await page.goto('/');
  const burnText = await page
    .getByText(/^[\d,]+ credits$/)
    .first()
    .textContent();
  const burn = Number(burnText?.replace(/[^\d]/g, ''));
  expect(burn).toBeGreaterThan(0);

  await page.goto(`/vms/${vmIds[0]}`);
  const cores = page.getByRole('spinbutton', { name: 'Cores' });
  const current = Number(await cores.inputValue());
  await cores.fill(String(current + 1));
  // The resize form's own cost box (the page has others: a new disk, a new IP).
  const resize = page.getByRole('region', { name: 'Cores and memory' });
  const cost = resize.getByRole('region', { name: /^Cost/ });
  await expect(cost).toContainText('This change+168 credits/hour');
  await expect(cost).toContainText(
    `New burn${new Intl.NumberFormat('en').format(burn + 168)} credits/hour`,
  );
  const hours = Math.floor(10_000 / (burn + 168));
  await expect(cost).toContainText(`Runway${hours === 0 ? 'less than an hour' : `${hours} hour`}`);
  // Fewer cores remove credits per hour.
  await cores.fill(String(Math.max(1, current - 1)));
  if (current > 1) await expect(cost).toContainText('This change−168 credits/hour');

  // Halted: cores and RAM are billed once it runs again, today's burn stays.
  await simRpc('hosting.vm.stop', account.apiKey, vmIds[0] as number);
  await expect
    .poll(async () =>
      /<string>halted</.test(await simRpc('hosting.vm.info', account.apiKey, vmIds[0] as number)),
    )
    .toBe(true);
  await page.reload();
  await page.getByRole('spinbutton', { name: 'Cores' }).fill(String(current + 1));
  await expect(resize.getByRole('region', { name: /^Cost/ })).toContainText(
    'This change+168 credits/hour · +122,640 credits/month, once running',
  );
});
