import { expect, test } from './fixtures';

test.describe('datacenters and images', () => {
  test('datacenters show country, code, name and open / closing / closed', async ({
    signedInPage: page,
  }) => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Datacenters' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Datacenters' })).toBeVisible();
    const row = (code: string) =>
      page.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
    await expect(row('FR-SD2')).toContainText('Equinix Paris');
    await expect(row('FR-SD2')).toContainText('France (FR)');
    await expect(row('FR-SD2')).toContainText('Closing on 25 Dec 2017');
    await expect(row('US-BA1')).toContainText('Closed');
    await expect(row('FR-SD5')).toContainText('Open');
    await expect(page.getByRole('row')).toHaveCount(7); // header + 6 datacenters
  });

  test('image filters live in the URL: reload and a new page keep them', async ({
    signedInPage: page,
    context,
  }) => {
    await page.goto('/images');
    const table = page.getByRole('table', { name: 'Images' });
    await expect(table).toBeVisible();
    const allCount = await table.getByRole('row').count();

    await page.getByLabel('Datacenter').selectOption({ label: 'Paris, France SD5 (FR-SD5)' });
    await expect(page).toHaveURL(/[?&]dc=5(&|$)/);
    await page.getByLabel('Label contains').fill('debian');
    await page.getByLabel('Label contains').press('Enter');
    await expect(page).toHaveURL(/[?&]q=debian(&|$)/);
    await page.getByLabel('Show deprecated images').check();
    await expect(page).toHaveURL(/[?&]deprecated=1(&|$)/);
    await page.getByLabel('Sort by').selectOption('size');
    await expect(page).toHaveURL(/[?&]sort=size(&|$)/);

    const rows = table.getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    const labels = async () =>
      (await table.locator('tbody tr td:first-child').allInnerTexts()).map(
        (text) => text.split('\n')[0],
      );
    const filtered = await labels();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length + 1).toBeLessThan(allCount);
    for (const label of filtered) expect(label?.toLowerCase()).toContain('debian');
    await expect(table.locator('tbody tr td:nth-child(4)').first()).toHaveText('FR-SD5');
    // Deprecated images are shown on request.
    await expect(table.getByText('Deprecated').first()).toBeVisible();

    const url = page.url();
    await page.reload();
    await expect(page.getByLabel('Datacenter')).toHaveValue('5');
    await expect(page.getByLabel('Label contains')).toHaveValue('debian');
    await expect(page.getByLabel('Show deprecated images')).toBeChecked();
    await expect(page.getByLabel('Sort by')).toHaveValue('size');
    expect(await labels()).toEqual(filtered);

    const shared = await context.newPage();
    await shared.goto(url);
    await expect(shared.getByRole('table', { name: 'Images' })).toBeVisible();
    expect(
      (
        await shared
          .getByRole('table', { name: 'Images' })
          .locator('tbody tr td:first-child')
          .allInnerTexts()
      ).map((text) => text.split('\n')[0]),
    ).toEqual(filtered);

    // Hiding deprecated images again drops them.
    await page.getByLabel('Show deprecated images').uncheck();
    await expect(page).not.toHaveURL(/deprecated=1/);
    await expect(table.getByText('Deprecated')).toHaveCount(0);
  });
});
