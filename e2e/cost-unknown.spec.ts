/**
 * @file "Price unknown": an endpoint that does not answer `hosting.catalog.list` (the real Gandi
 * API had no such method) gets no guessed figure. The simulator plays that endpoint for one
 * account (`/_sim/accounts {catalog: false}`: fault 1, as for any unknown method); every other
 * account keeps its prices, so the other specs are unaffected whatever the order.
 */
import type { Locator, Page } from '@playwright/test';
import { createAccount, expect, signIn, simControl, test, type SimAccount } from './fixtures';
import { openWizardAtSize } from './wizard-steps';

const UNSUPPORTED_REASON = 'This endpoint does not publish prices.';

function accountWithoutCatalog(credits = 10_000): Promise<SimAccount> {
  return simControl<SimAccount>('accounts', { credits, catalog: false });
}

/** The estimate says the price is unknown and why, with no figure, burn or runway beside it. */
async function expectPriceUnknown(cost: Locator): Promise<void> {
  await expect(cost).toContainText('estimate');
  await expect(cost.getByText('Price unknown.')).toBeVisible();
  await expect(cost).toContainText(UNSUPPORTED_REASON);
  await expect(cost).not.toContainText('credits/hour');
  await expect(cost).not.toContainText('This change');
  await expect(cost).not.toContainText('New burn');
  await expect(cost).not.toContainText('Runway');
}

/** Opens the creation wizard at its size step (FR-SD3, Debian 9) with a complete size. */
async function wizardSizeStep(page: Page): Promise<Locator> {
  await openWizardAtSize(page);
  await page.getByLabel('Cores').fill('2');
  await page.getByLabel('Memory (MB)').fill('2048');
  await page.getByLabel('System disk (GB)').fill('10');
  return page.getByRole('region', { name: /Cost of this VM/ });
}

test('without a price list the wizard, the new disk and the new IP forms say the price is unknown', async ({
  page,
}) => {
  const account = await accountWithoutCatalog();
  await signIn(page, account.apiKey);

  const wizardCost = await wizardSizeStep(page);
  await expectPriceUnknown(wizardCost);
  // A change of the configuration does not bring a figure back.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Step 4 of 6: Network' })).toBeVisible();
  await page.getByRole('radio', { name: /IPv6 only/ }).check();
  await expectPriceUnknown(wizardCost);

  await page.goto('/disks/new');
  await page.getByLabel('Name').fill('unpriced');
  await page.getByLabel('Size (GB)').fill('5');
  await expectPriceUnknown(page.getByRole('region', { name: /^Cost/ }));

  await page.goto('/network/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Create a public IP' })).toBeVisible();
  await expectPriceUnknown(page.getByRole('region', { name: /^Cost/ }));
});

test('an account without prices does not take them from another, nor the other way round', async ({
  browser,
}) => {
  const unpriced = await accountWithoutCatalog();
  const priced = await createAccount(10_000);
  const unpricedContext = await browser.newContext();
  const pricedContext = await browser.newContext();
  const unpricedPage = await unpricedContext.newPage();
  const pricedPage = await pricedContext.newPage();
  await signIn(unpricedPage, unpriced.apiKey);
  await signIn(pricedPage, priced.apiKey);

  // Same endpoint, side by side: each account gets what its own calls answered.
  const [unpricedCost, pricedCost] = await Promise.all([
    wizardSizeStep(unpricedPage),
    wizardSizeStep(pricedPage),
  ]);
  // 2×168 + 2×120 + 10×135 + 210: the simulator's catalogue, as in cost.spec.ts.
  await expect(pricedCost).toContainText('This change+2,136 credits/hour');
  await expectPriceUnknown(unpricedCost);

  // And again after the priced account has just loaded its prices.
  await unpricedPage.goto('/disks/new');
  await unpricedPage.getByLabel('Size (GB)').fill('5');
  await expectPriceUnknown(unpricedPage.getByRole('region', { name: /^Cost/ }));
  await pricedPage.goto('/disks/new');
  await pricedPage.getByLabel('Size (GB)').fill('5');
  await expect(pricedPage.getByRole('region', { name: /^Cost/ })).toContainText(
    'This change+675 credits/hour',
  );
  await unpricedContext.close();
  await pricedContext.close();
});
