import { expect, simControl, simRpc, test, waitingMigration } from './fixtures';

/**
 * A migration out of the closing FR-SD2 waits in RUN until it is finalized: an operation that runs
 * as long as the test needs, started behind the panel's back like another tool would.
 */
test('the operations page shows a running operation live, then its end', async ({
  signedInPage: page,
  account,
}) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 1,
    datacenterId: 1,
  });
  const vmId = vmIds[0] as number;
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Operations' })
    .click();
  const running = page.getByRole('region', { name: 'Running now' });
  await expect(running.getByText('Nothing is running')).toBeVisible();

  const opId = await waitingMigration(account.apiKey, vmId);
  const row = running.getByRole('listitem', { name: `Migrate server ${opId}` });
  // No reload: the SSE stream brings it in.
  await expect(row).toBeVisible();
  await expect(row).toContainText('Running');
  await expect(row.getByRole('link', { name: `server ${vmId}` })).toBeVisible();

  await simRpc('hosting.vm.migrate', account.apiKey, vmId, true);
  await expect(row).toContainText('Done');
  // The history (server-rendered, refreshed when the operation ended) lists it too.
  await expect(page.getByRole('table', { name: 'Operations' }).getByText(`#${opId}`)).toBeVisible();
});

test('operation history filters by step and type in the URL', async ({
  signedInPage: page,
  account,
}) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 2,
  });
  for (const vmId of vmIds) await simRpc('hosting.vm.stop', account.apiKey, vmId);
  await page.goto('/operations?type=vm_stop');
  const table = page.getByRole('table', { name: 'Operations' });
  await expect(table.getByText('Stop server')).toHaveCount(2);
  await page.getByLabel('Type').selectOption('vm_reboot');
  await expect(page).toHaveURL(/type=vm_reboot/);
  await expect(page.getByText('No operation matches these filters')).toBeVisible();
});

test('the stream is an unbuffered, uncached event stream and validates its query', async ({
  signedInPage: page,
}) => {
  const answer = await page.evaluate(async () => {
    const controller = new AbortController();
    const response = await fetch('/api/operations/stream?scope=running', {
      signal: controller.signal,
    });
    const headers = {
      status: response.status,
      type: response.headers.get('content-type'),
      cache: response.headers.get('cache-control'),
      accel: response.headers.get('x-accel-buffering'),
    };
    controller.abort();
    const bad = await fetch('/api/operations/stream?ids=1,abc');
    return { headers, badStatus: bad.status };
  });
  expect(answer).toEqual({
    headers: {
      status: 200,
      type: 'text/event-stream; charset=utf-8',
      cache: 'no-cache, no-transform',
      accel: 'no',
    },
    badStatus: 400,
  });
});
