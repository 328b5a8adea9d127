/**
 * @file The creation wizard's first two steps, shared by the specs that go through it: FR-SD3
 * and Debian 9, the choices every spec makes (the wizard's own spec covers the others).
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Opens `/vms/new` and stops at step 3 (Size), FR-SD3 and Debian 9 chosen. */
export async function openWizardAtSize(page: Page): Promise<void> {
  await page.goto('/vms/new');
  const next = page.getByRole('button', { name: 'Next', exact: true });
  await page.getByRole('radio', { name: /Paris, France SD3/ }).check();
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 2 of 6: Image' })).toBeVisible();
  await page.getByRole('radio', { name: /^Debian 9/ }).check();
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 3 of 6: Size' })).toBeVisible();
}

/**
 * Goes from the start to step 6 (Review) with the defaults of steps 3 and 4, `hostname` and a
 * generated password; returns the password.
 */
export async function openWizardAtReview(page: Page, hostname: string): Promise<string> {
  await openWizardAtSize(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Step 4 of 6: Network' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Hostname').fill(hostname);
  await page.getByRole('button', { name: 'Generate a password' }).click();
  const password = await page.getByLabel('Password', { exact: true }).inputValue();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Step 6 of 6: Review' })).toBeVisible();
  return password;
}
