/**
 * @file Issue 16, item 9: a global activity indicator — the navigation counts the operations
 * running on the account (live, whoever started them) and opens a drawer listing them; the step
 * pills read "Done", not "Done DONE"; the drawer names the VM an operation is about.
 */
import { expect, simRpc, simVm, test, waitingMigration } from './fixtures';

test('the navigation counts running operations and lists them in a drawer', async ({
  signedInPage: page,
  account,
}) => {
  // A migration out of the closing FR-SD2 copies, then waits in RUN until finalized (its second
  // operation, see simulator/README.md).
  const vmId = await simVm(account.apiKey, 1);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Nothing running' })).toBeVisible();

  const opId = await waitingMigration(account.apiKey, vmId);
  const indicator = nav.getByRole('button', { name: '1 running operation' });
  // The indicator learns of work started elsewhere at the watcher's idle pace (5 s).
  await expect(indicator).toBeVisible({ timeout: 15_000 });
  await indicator.click();
  const drawer = page.getByRole('dialog', { name: 'Running operations' });
  const row = drawer.getByRole('listitem', { name: `Migrate server ${opId}` });
  await expect(row).toContainText('Running');
  // Named as the VM list names it, not "server 350003" (the drawer is on every page, outside it).
  const hostname = /<name>hostname<\/name>\s*<value><string>([^<]+)</.exec(
    await simRpc('hosting.vm.info', account.apiKey, vmId),
  )?.[1];
  expect(hostname).toBeTruthy();
  await expect(row.getByRole('link', { name: hostname })).toHaveAttribute('href', `/vms/${vmId}`);

  await simRpc('hosting.vm.migrate', account.apiKey, vmId, true);
  await expect(drawer.getByText('Nothing is running now.')).toBeVisible({ timeout: 30_000 });
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(nav.getByRole('button', { name: 'Nothing running' })).toBeVisible();
});
