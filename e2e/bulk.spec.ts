/**
 * @file Bulk actions on the lists: a stop of three VMs where one is already halted gives three
 * per-item results (two started and followed live to DONE, one refused), the confirmation names
 * every item first, and nothing runs on cancel. A bulk delete stops running VMs first, then
 * deletes them (two steps per running VM, as on the VM page).
 */
import { diskCount, expect, simControl, simRpc, test } from './fixtures';

/** The step badge of a finished operation (the BILL → … → DONE track always shows "DONE"). */
const STEP_DONE = 'Step: Done';

/** Polls the simulator until the VM is in `state` (disks never use halted/running). */
async function waitForState(
  apiKey: string,
  vmId: number,
  state: 'halted' | 'running',
): Promise<void> {
  await expect
    .poll(async () => {
      const xml = await simRpc('hosting.vm.info', apiKey, vmId);
      return new RegExp(`<name>state</name>\\s*<value>\\s*<string>${state}<`).test(xml);
    })
    .toBe(true);
}

test('bulk stop of three VMs where one refuses shows three per-item results', async ({
  signedInPage: page,
  account,
}) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 3,
  });
  const [, halted] = vmIds as [number, number, number];
  await simRpc('hosting.vm.stop', account.apiKey, halted);
  await waitForState(account.apiKey, halted, 'halted');

  await page.goto('/vms');
  const boxes = page.getByRole('checkbox', { name: /^Select bulk/ });
  await expect(boxes).toHaveCount(3);
  const names = await boxes.evaluateAll((els) =>
    els.map((el) => (el.getAttribute('aria-label') ?? '').replace(/^Select /, '')),
  );
  const haltedName = names[1] as string;

  const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(toolbar.getByRole('button', { name: 'Stop selected' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(toolbar.getByText('3 VMs selected')).toBeVisible();

  // Cancel runs nothing.
  await toolbar.getByRole('button', { name: 'Stop selected' }).click();
  let dialog = page.getByRole('dialog', { name: 'Stop 3 VMs?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Bulk action results' })).toHaveCount(0);

  await toolbar.getByRole('button', { name: 'Stop selected' }).click();
  dialog = page.getByRole('dialog', { name: 'Stop 3 VMs?' });
  const listed = dialog.getByRole('list', { name: 'Selected items' }).getByRole('listitem');
  await expect(listed).toHaveText(names);
  await dialog.getByRole('button', { name: 'Stop 3 VMs' }).click();

  const results = page.getByRole('region', { name: 'Bulk action results' });
  await expect(results.getByRole('heading', { name: 'Stop: 2 started, 1 refused' })).toBeVisible();
  await expect(results.locator(':scope > ul > li')).toHaveCount(3);
  await expect(results.getByLabel(haltedName, { exact: true })).toContainText(
    `${haltedName}: refused. ${haltedName} is halted: only a running VM can be stopped.`,
  );
  for (const name of names.filter((n) => n !== haltedName)) {
    const item = results.getByLabel(name, { exact: true });
    await expect(item.getByRole('region', { name: `${name}: started` })).toBeVisible();
    await expect(item).toContainText(STEP_DONE, { timeout: 30_000 });
  }
  for (const id of vmIds) await waitForState(account.apiKey, id, 'halted');
  // After the operations settle the list shows the new states; the selection is cleared.
  await expect(page.getByRole('checkbox', { name: 'Select all on this page' })).not.toBeChecked();

  await test.step("bulk snapshot: each VM's system disk, one live result per VM", async () => {
    const before = await diskCount(account.apiKey);
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await toolbar.getByRole('button', { name: 'Snapshot selected' }).click();
    const confirm = page.getByRole('dialog', { name: 'Snapshot 3 VMs?' });
    await expect(
      confirm.getByRole('list', { name: 'Selected items' }).getByRole('listitem'),
    ).toHaveText(names);
    await confirm.getByRole('button', { name: 'Snapshot 3 VMs' }).click();
    await expect(results.getByRole('heading', { name: 'Snapshot: 3 started' })).toBeVisible();
    for (const name of names) {
      const item = results.getByLabel(name, { exact: true });
      await expect(item.getByRole('region', { name: `${name}: started` })).toBeVisible();
      await expect(item).toContainText(STEP_DONE, { timeout: 30_000 });
    }
    expect(await diskCount(account.apiKey)).toBe(before + 3);
  });
});

/** The hostname of a VM, as the simulator has it. */
async function hostnameOf(apiKey: string, vmId: number): Promise<string> {
  const xml = await simRpc('hosting.vm.info', apiKey, vmId);
  const match = /<name>hostname<\/name>\s*<value>\s*<string>([^<]+)</.exec(xml);
  if (!match?.[1]) throw new Error(`no hostname for VM ${vmId}`);
  return match[1];
}

test('bulk delete of a halted and two running VMs: the running ones are stopped, then deleted', async ({
  signedInPage: page,
  account,
}) => {
  // A fourth VM is left unselected: it must survive, and keeps the list (and the results) shown.
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 4,
  });
  const [halted, runningA, runningB, bystander] = vmIds as [number, number, number, number];
  await simRpc('hosting.vm.stop', account.apiKey, halted);
  await waitForState(account.apiKey, halted, 'halted');
  const [haltedName, nameA, nameB, bystanderName] = (await Promise.all(
    [halted, runningA, runningB, bystander].map((id) => hostnameOf(account.apiKey, id)),
  )) as [string, string, string, string];
  const runningNames = [nameA, nameB];
  const deleted = [haltedName, nameA, nameB];

  await page.goto('/vms');
  await expect(page.getByRole('checkbox', { name: /^Select bulk/ })).toHaveCount(4);
  // Every title a result section ever had, in order: a stop step lasts a fraction of a second,
  // too short to poll for, so the page records each one as it appears.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { resultTitles: string[] }).resultTitles = seen;
    const record = () => {
      for (const section of document.querySelectorAll('li > section[aria-label]')) {
        const title = section.getAttribute('aria-label') ?? '';
        if (!seen.includes(title)) seen.push(title);
      }
    };
    new MutationObserver(record).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
  });
  for (const name of deleted) {
    await page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  }
  const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(toolbar.getByText('3 VMs selected')).toBeVisible();
  await toolbar.getByRole('button', { name: 'Delete selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 3 VMs?' });
  await expect(dialog.getByText('Running VMs are stopped first, then deleted.')).toBeVisible();
  await expect(
    dialog.getByRole('list', { name: 'Selected items' }).getByRole('listitem'),
  ).toHaveText(deleted);
  await dialog.getByLabel(/Type delete to confirm/).fill('delete');
  await dialog.getByRole('button', { name: 'Delete 3 VMs' }).click();

  const results = page.getByRole('region', { name: 'Bulk action results' });
  await expect(results.getByRole('heading', { name: 'Delete: 3 started' })).toBeVisible();
  const haltedItem = results.getByLabel(haltedName, { exact: true });
  const haltedStep = haltedItem.getByRole('region', { name: `${haltedName}: deleting` });
  await expect(haltedStep).toContainText(STEP_DONE, { timeout: 30_000 });
  for (const name of runningNames) {
    const item = results.getByLabel(name, { exact: true });
    const step2 = item.getByRole('region', { name: `${name}: stopped, deleting (step 2 of 2)` });
    await expect(step2).toContainText(STEP_DONE, { timeout: 30_000 });
    await expect(step2.getByRole('listitem')).toHaveCount(1);
  }
  await expect(results.getByRole('heading', { name: 'Delete: 3 started' })).toBeVisible();

  const titles = await page.evaluate(
    () => (window as unknown as { resultTitles: string[] }).resultTitles,
  );
  expect(titles).toContain(`${haltedName}: deleting`);
  expect(titles).not.toContain(`${haltedName}: stopping (step 1 of 2)`);
  for (const name of runningNames) {
    const stop = titles.indexOf(`${name}: stopping (step 1 of 2)`);
    const remove = titles.indexOf(`${name}: stopped, deleting (step 2 of 2)`);
    expect(stop, `${name} showed its stop`).toBeGreaterThanOrEqual(0);
    expect(remove, `${name} showed its delete after the stop`).toBeGreaterThan(stop);
  }

  // The simulator no longer knows the three; the fourth still runs.
  for (const id of [halted, runningA, runningB]) {
    await expect(simRpc('hosting.vm.info', account.apiKey, id)).rejects.toThrow(/CAUSE_NOTFOUND/);
  }
  const listed = await simRpc('hosting.vm.list', account.apiKey);
  expect(
    [...listed.matchAll(/<name>hostname<\/name>\s*<value>\s*<string>([^<]+)</g)].map((m) => m[1]),
  ).toEqual([bystanderName]);
  await waitForState(account.apiKey, bystander, 'running');
  // Once everything settled the list is re-read: only the unselected VM is left.
  const boxes = page.getByRole('checkbox', { name: /^Select bulk/ });
  await expect(boxes).toHaveCount(1);
  await expect(
    page.getByRole('checkbox', { name: `Select ${bystanderName}`, exact: true }),
  ).toBeVisible();
});

test('bulk delete: a stop that fails shows its error and the VM is not deleted', async ({
  signedInPage: page,
  account,
}) => {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 2,
  });
  const [failing, other] = vmIds as [number, number];
  const [failingName, otherName] = (await Promise.all(
    [failing, other].map((id) => hostnameOf(account.apiKey, id)),
  )) as [string, string];
  await simControl('fail', { apiKey: account.apiKey, type: 'vm_stop', count: 1 });

  await page.goto('/vms');
  await page.getByRole('checkbox', { name: `Select ${failingName}`, exact: true }).check();
  const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await toolbar.getByRole('button', { name: 'Delete selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 1 VM?' });
  await dialog.getByLabel(/Type delete to confirm/).fill('delete');
  await dialog.getByRole('button', { name: 'Delete 1 VM' }).click();

  const results = page.getByRole('region', { name: 'Bulk action results' });
  await expect(results.getByRole('heading', { name: 'Delete: 1 started' })).toBeVisible();
  const step1 = results
    .getByLabel(failingName, { exact: true })
    .getByRole('region', { name: `${failingName}: stopping (step 1 of 2)` });
  await expect(step1).toContainText('Step: Failed', { timeout: 30_000 });
  await expect(step1).toContainText('Error:');
  // Dismiss comes back once nothing waits for a second step: the item ended with its stop.
  await expect(results.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await expect(results.getByRole('region', { name: /step 2 of 2/ })).toHaveCount(0);
  await waitForState(account.apiKey, failing, 'running');
  await expect(page.getByRole('checkbox', { name: /^Select bulk/ })).toHaveCount(2);
  await expect(
    page.getByRole('checkbox', { name: `Select ${otherName}`, exact: true }),
  ).toBeVisible();
});

test('disk and IP lists offer their own bulk actions with every item named', async ({
  signedInPage: page,
  account,
}) => {
  await simControl('vms', { apiKey: account.apiKey, count: 2 });
  await page.goto('/disks');
  const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(toolbar.getByRole('button', { name: 'Snapshot selected' })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Delete selected' })).toBeDisabled();
  const diskBoxes = page.getByRole('checkbox', { name: /^Select / });
  await expect(diskBoxes).toHaveCount(3); // two system disks and the select-all
  await diskBoxes.nth(1).check();
  await toolbar.getByRole('button', { name: 'Delete selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 1 disk?' });
  await expect(dialog.getByText('Attached disks are refused')).toBeVisible();
  // A delete needs the word typed.
  await expect(dialog.getByRole('button', { name: 'Delete 1 disk' })).toBeDisabled();
  await dialog.getByLabel(/Type delete to confirm/).fill('delete');
  await dialog.getByRole('button', { name: 'Delete 1 disk' }).click();
  const results = page.getByRole('region', { name: 'Bulk action results' });
  await expect(results.getByRole('heading', { name: 'Delete: 1 refused' })).toBeVisible();
  await expect(results).toContainText(/detach/i);

  await page.goto('/network');
  await expect(
    page
      .getByRole('toolbar', { name: 'Bulk actions' })
      .getByRole('button', { name: 'Delete selected' }),
  ).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'Select all on this page' })).toBeVisible();
});
