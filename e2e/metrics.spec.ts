import { expect, simControl, test } from './fixtures';

/** A running VM created directly in the simulator (no wizard needed to chart it). */
async function createVm(apiKey: string, datacenterId = 4): Promise<number> {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey,
    count: 1,
    datacenterId,
  });
  const id = vmIds[0];
  if (id === undefined) throw new Error('the simulator created no VM');
  return id;
}

const BYTES_CELL = /^\d+(\.\d+)? (B|kB|MB|GB|TB) \(\d+(\.\d+)? (B|kB|MB|GB|TB)\/s\)$/;

test.describe('VM metrics', () => {
  test('network and disk charts render with data, with a table of every point', async ({
    signedInPage: page,
    account,
  }) => {
    const vmId = await createVm(account.apiKey);
    await page.goto(`/vms/${vmId}`);
    await page
      .getByRole('navigation', { name: 'VM sections' })
      .getByRole('link', { name: 'Metrics' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/vms/${vmId}/metrics$`));
    await expect(page.getByRole('link', { name: 'Last 24 hours' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    const network = page.getByRole('img', {
      name: /^Network traffic, last 24 hours, bytes per hour\./,
    });
    const disk = page.getByRole('img', { name: /^Disk I\/O, last 24 hours, bytes per hour\./ });
    await expect(network).toBeVisible();
    await expect(disk).toBeVisible();
    // The summary gives each line's total and peak in readable units.
    await expect(network).toHaveAttribute(
      'aria-label',
      /Received \(in\): [\d.]+ (kB|MB|GB) in total, peak [\d.]+ (B|kB|MB) per hour at \w{3} \d+ \w{3}, \d\d:00 UTC/,
    );
    await expect(disk).toHaveAttribute('aria-label', /Written: [\d.]+ (kB|MB|GB) in total/);
    // Each line is drawn (a path with points), and the axes are labelled.
    const networkPaths = page.locator('figure', { has: network }).locator('svg[role="img"] path');
    await expect(networkPaths).toHaveCount(2);
    for (const d of await networkPaths.evaluateAll((paths) =>
      paths.map((p) => p.getAttribute('d') ?? ''),
    )) {
      expect(d.match(/[ML]/g)?.length ?? 0).toBeGreaterThanOrEqual(20);
    }
    await expect(network.getByText('Time (UTC)')).toBeVisible();
    await expect(network.getByText(/^(B|kB|MB) per hour$/)).toBeVisible();

    // The accessible table fallback: one row per hour, both directions, units and rates.
    await page.getByText('Network traffic: every point as a table').click();
    const table = page.getByRole('table', { name: /Network traffic, last 24 hours/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText([
      'Period starting (UTC)',
      'Received (in)',
      'Sent (out)',
    ]);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(24);
    const cells = await rows.first().getByRole('cell').allTextContents();
    expect(cells).toHaveLength(2);
    for (const cell of cells) expect(cell).toMatch(BYTES_CELL);
  });

  test('the 7-day range shows 6-hour buckets and is kept in the URL', async ({
    signedInPage: page,
    account,
  }) => {
    const vmId = await createVm(account.apiKey);
    await page.goto(`/vms/${vmId}/metrics`);
    await page.getByRole('link', { name: 'Last 7 days' }).click();
    await expect(page).toHaveURL(new RegExp(`/vms/${vmId}/metrics\\?range=7d$`));
    await expect(
      page.getByRole('img', { name: /^Disk I\/O, last 7 days, bytes per 6 hours\./ }),
    ).toBeVisible();
    await page.getByText('Disk I/O: every point as a table').click();
    const table = page.getByRole('table', { name: /Disk I\/O, last 7 days/ });
    await expect(table.locator('tbody tr')).toHaveCount(28);
    await expect(table.getByRole('columnheader')).toHaveText([
      'Period starting (UTC)',
      'Read',
      'Written',
    ]);
    await page.reload();
    await expect(page.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('bad input: an unknown range falls back to 24 hours; a bad or foreign VM id is not found', async ({
    signedInPage: page,
    account,
  }) => {
    const vmId = await createVm(account.apiKey);
    await page.goto(`/vms/${vmId}/metrics?range=30d`);
    await expect(page.getByRole('link', { name: 'Last 24 hours' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('img', { name: /last 24 hours/ })).toHaveCount(2);

    const other = await simControl<{ apiKey: string }>('accounts', { credits: 1000 });
    const foreignVm = await createVm(other.apiKey);
    // (The segment streams, so the status is already sent: the not-found page is what tells.)
    for (const path of ['/vms/abc/metrics', '/vms/0/metrics', `/vms/${foreignVm}/metrics`]) {
      await page.goto(path);
      await expect(page.getByText('This VM does not exist'), path).toBeVisible();
      await expect(page.getByRole('img', { name: /Network traffic/ }), path).toHaveCount(0);
    }
  });
});
