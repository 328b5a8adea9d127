/**
 * @file Issue 16, item 4: the wizard's step is in the URL, so the browser's Back and Forward move
 * between steps with every choice kept (also after leaving the wizard and coming back), and a
 * hostname already in use is reported at the Access step, not at the final Create.
 */
import { expect, simVm, simVmField, test } from './fixtures';
import { openWizardAtSize } from './wizard-steps';

const heading = (n: number, title: string) => ({ name: `Step ${n} of 6: ${title}` });

test('Back and Forward move between the steps and keep the choices', async ({
  signedInPage: page,
}) => {
  await openWizardAtSize(page);
  await expect(page).toHaveURL(/[?&]step=size/);
  await page.getByLabel('Cores').fill('2');

  await page.goBack();
  await expect(page.getByRole('heading', heading(2, 'Image'))).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Debian 9/ })).toBeChecked();
  await page.goBack();
  await expect(page.getByRole('heading', heading(1, 'Datacenter'))).toBeVisible();
  await expect(page.getByRole('radio', { name: /Paris, France SD3/ })).toBeChecked();
  await page.goForward();
  await page.goForward();
  await expect(page.getByRole('heading', heading(3, 'Size'))).toBeVisible();
  await expect(page.getByLabel('Cores')).toHaveValue('2');

  // Out of the wizard and back: the same step, the same choices.
  await page.goto('/vms');
  await page.goBack();
  await expect(page.getByRole('heading', heading(3, 'Size'))).toBeVisible();
  await expect(page.getByLabel('Cores')).toHaveValue('2');
});

test('a hostname already in use is reported at the Access step', async ({
  signedInPage: page,
  account,
}) => {
  const taken = await simVmField(account.apiKey, await simVm(account.apiKey), 'hostname');
  expect(taken).not.toBe('');

  await openWizardAtSize(page);
  const next = page.getByRole('button', { name: 'Next', exact: true });
  await next.click();
  await expect(page.getByRole('heading', heading(4, 'Network'))).toBeVisible();
  await next.click();
  await expect(page.getByRole('heading', heading(5, 'Access'))).toBeVisible();
  await page.getByLabel('Hostname').fill(taken);
  await page.getByRole('button', { name: 'Generate a password' }).click();
  await next.click();
  await expect(
    page.getByText(`This account already has a VM named ${taken}: choose another hostname.`),
  ).toBeVisible();
  await expect(page.getByRole('heading', heading(5, 'Access'))).toBeVisible();

  await page.getByLabel('Hostname').fill(`${taken}-2`);
  await next.click();
  await expect(page.getByRole('heading', heading(6, 'Review'))).toBeVisible();
});
