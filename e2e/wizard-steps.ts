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
