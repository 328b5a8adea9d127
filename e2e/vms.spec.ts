/**
 * @file The VM list on a big account: paging, filters and sort done by the API, kept in the URL.
 */
import type { Page } from '@playwright/test';
import { expect, simControl, test } from './fixtures';

function rows(page: Page) {
  return page.getByRole('table').locator('tbody tr');
}

function firstHostname(page: Page) {
  return rows(page).first().getByRole('rowheader');
}

test('pages, filters and sorts 253 VMs through the API, with the view in the URL', async ({
  signedInPage: page,
  account,
}) => {
  await simControl('vms', { apiKey: account.apiKey, count: 250 });
  await simControl('vms', { apiKey: account.apiKey, count: 3, datacenterId: 5 });

  await page.goto('/vms');
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await expect(pagination).toContainText('1–25 of 253');
  await expect(rows(page)).toHaveCount(25);
  await expect(firstHostname(page)).toHaveText('bulk00001');
  // Each row shows its addresses (fetched for the visible page's interfaces only).
  await expect(rows(page).first().locator('td').nth(4)).toContainText(/\d+\.\d+\.\d+\.\d+/);
  await expect(rows(page).first().locator('td').nth(5)).toContainText(':');

  await pagination.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pagination).toContainText('26–50 of 253');
  await expect(firstHostname(page)).toHaveText('bulk00026');

  // A hostname search resets to page 1 and is sent as a ~hostname pattern.
  await page.getByLabel('Hostname contains').fill('bulk0012');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]q=bulk0012/);
  await expect(page).not.toHaveURL(/page=/);
  await expect(pagination).toContainText('1–10 of 10');

  // Datacenter filter.
  await page.goto('/vms');
  await page.getByLabel('Datacenter').selectOption({ label: 'FR-SD5 — Paris, France SD5' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(pagination).toContainText('1–3 of 3');
  await expect(rows(page)).toHaveCount(3);
  for (const row of await rows(page).all()) await expect(row).toContainText('FR-SD5');

  // A state nothing is in gives the filtered empty state, with a way out.
  await page.getByLabel('State').selectOption('halted');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('No VM matches these filters')).toBeVisible();
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(pagination).toContainText('1–25 of 253');

  // A shared URL opens the same view: sort, search and page together.
  await page.goto('/vms?q=bulk001&sort=-hostname&page=2');
  await expect(page.getByLabel('Hostname contains')).toHaveValue('bulk001');
  await expect(page.getByLabel('Sort')).toHaveValue('-hostname');
  await expect(pagination).toContainText('26–50 of 100');
  await expect(firstHostname(page)).toHaveText('bulk00174');

  // A page past the end says so instead of showing an empty table.
  await page.goto('/vms?page=99');
  await expect(page.getByText('This page is past the end')).toBeVisible();
});

test('an unknown VM id shows a not-found page', async ({ signedInPage: page }) => {
  await page.goto('/vms/999999999');
  await expect(page.getByText('This VM does not exist')).toBeVisible();
});
