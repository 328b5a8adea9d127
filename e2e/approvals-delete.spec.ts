/**
 * @file The admin policy "any delete by an operator needs approval": the operator's delete of
 * their VM (from its page, and from a bulk delete) becomes a request (nothing reaches Gandi), the
 * owner approves with a reason, and the portal stops the running VM, then deletes it; the operator
 * follows both operations. Disk and interface deletes are held the same way.
 */
import { diskCount, expect, ifaceCount, simRpc, test, vmCount } from './fixtures';
import type { Page } from '@playwright/test';
import { directSql, teamWithOperator } from './team-workspace';

/** The owner ticks "any delete by an operator needs approval" (and it stays ticked). */
async function turnOnDeletePolicy(owner: Page): Promise<void> {
  await owner.goto('/team/quotas');
  const policy = owner.getByRole('form', { name: 'Approval policy' });
  const rule = policy.getByRole('checkbox', { name: /Any delete by an operator needs approval/ });
  await expect(rule).not.toBeChecked();
  await rule.check();
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(policy.getByText('Saved.')).toBeVisible();
  await owner.reload();
  await expect(rule).toBeChecked();
}

const POLICY_HOLD = "Sent for approval — Policy: deletes by an operator need an admin's approval.";

const HOSTNAME = 'held-delete-1';
const BULK_HOSTNAME = 'held-delete-2';

test("an operator's delete becomes a request; on approval the portal stops, then deletes", async ({
  page: owner,
  browser,
}) => {
  // Many steps, two browsers, two approvals each run as a job: longer than one page's test.
  test.setTimeout(120_000);
  const { account, operator, operatorEmail } = await teamWithOperator(owner, browser, 'del', {
    template: true,
  });

  await test.step('the operator launches two VMs of their own', async () => {
    for (const hostname of [HOSTNAME, BULK_HOSTNAME]) {
      await operator.goto('/team/templates');
      const template = operator.getByRole('region', { name: 'Template web small' });
      await template.getByLabel('Hostname').fill(hostname);
      await template.getByRole('button', { name: 'Launch' }).click();
      await expect(template.getByRole('link', { name: new RegExp(hostname) })).toBeVisible();
    }
    await expect
      .poll(
        async () =>
          (await simRpc('hosting.vm.list', account.apiKey)).match(
            /<name>state<\/name>\s*<value>\s*<string>running</g,
          )?.length ?? 0,
        { timeout: 30_000 },
      )
      .toBe(2);
  });

  await test.step('the owner turns the policy on', () => turnOnDeletePolicy(owner));

  await test.step('the operator deletes: a request is filed, the VM stays', async () => {
    await operator.goto('/vms');
    await operator.getByRole('link', { name: HOSTNAME }).click();
    await expect(operator.getByRole('heading', { level: 1, name: HOSTNAME })).toBeVisible();
    await operator.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = operator.getByRole('dialog', { name: `Delete ${HOSTNAME}?` });
    await dialog.getByLabel(new RegExp(`Type ${HOSTNAME} to confirm`)).fill(HOSTNAME);
    await dialog.getByRole('button', { name: 'Delete this VM' }).click();
    await expect(
      operator.getByRole('status').filter({ hasText: 'Sent for approval' }),
    ).toContainText("Sent for approval — Policy: deletes by an operator need an admin's approval.");
    await expect(operator.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
    expect(await vmCount(account.apiKey)).toBe(2);
  });

  await test.step('a bulk delete by the operator files one request per item', async () => {
    await operator.goto('/vms');
    await operator.getByRole('checkbox', { name: `Select ${BULK_HOSTNAME}` }).check();
    const toolbar = operator.getByRole('toolbar', { name: 'Bulk actions' });
    await toolbar.getByRole('button', { name: 'Delete selected' }).click();
    const dialog = operator.getByRole('dialog', { name: 'Delete 1 VM?' });
    await dialog.getByLabel(/Type delete to confirm/).fill('delete');
    await dialog.getByRole('button', { name: 'Delete 1 VM' }).click();
    const results = operator.getByRole('region', { name: 'Bulk action results' });
    await expect(
      results.getByRole('heading', { name: 'Delete: 1 sent for approval' }),
    ).toBeVisible();
    await expect(results.getByLabel(BULK_HOSTNAME, { exact: true })).toContainText(
      `${BULK_HOSTNAME}: sent for approval. Policy: deletes by an operator need an admin's approval.`,
    );
    expect(await vmCount(account.apiKey)).toBe(2);
  });

  await test.step('both dashboards say what waits', async () => {
    await owner.goto('/');
    await expect(owner.getByRole('region', { name: 'Approvals' })).toContainText(
      '2 requests wait for a decision.',
    );
    await operator.goto('/');
    await expect(operator.getByRole('region', { name: 'Approvals' })).toContainText(
      '2 of your requests are waiting for an admin.',
    );
  });

  await test.step('the owner approves; the portal stops the VM, then deletes it', async () => {
    await owner.goto('/team/approvals');
    const request = owner.getByRole('region', { name: `Request: Delete VM ${HOSTNAME}` });
    await expect(request).toContainText('pending');
    await expect(request).toContainText(`Asked by ${operatorEmail}`);
    await request.getByLabel('Reason').fill('Decommissioned, as planned');
    await request.getByRole('button', { name: 'Approve and run' }).click();
    // The page re-reads itself while the request runs in steps.
    await expect(request.getByText('done', { exact: true })).toBeVisible({ timeout: 45_000 });
    await expect.poll(() => vmCount(account.apiKey), { timeout: 30_000 }).toBe(1);

    const bulkRequest = owner.getByRole('region', { name: `Request: Delete VM ${BULK_HOSTNAME}` });
    await bulkRequest.getByLabel('Reason').fill('Also this one');
    await bulkRequest.getByRole('button', { name: 'Approve and run' }).click();
    await expect(bulkRequest.getByText('done', { exact: true })).toBeVisible({ timeout: 45_000 });
    await expect.poll(() => vmCount(account.apiKey), { timeout: 30_000 }).toBe(0);
  });

  await test.step('with nothing left to decide, the card is gone', async () => {
    await owner.goto('/');
    await expect(owner.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(owner.getByRole('region', { name: 'Approvals' })).toHaveCount(0);
  });

  await test.step('the operator sees both operations, stop then delete, done', async () => {
    await operator.goto('/team/approvals');
    const request = operator.getByRole('region', { name: `Request: Delete VM ${HOSTNAME}` });
    await expect(request).toContainText('Decommissioned, as planned');
    const rows = request.locator('li[data-operation-id]');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Stop');
    await expect(rows.nth(1)).toContainText('Delete');
    await expect(request.getByText('Step: Done')).toHaveCount(2, { timeout: 30_000 });
  });

  await test.step('the audit log holds the request, the decision and each step', async () => {
    await owner.goto('/team/audit');
    for (const action of [
      'approval.requested',
      'approval.approved',
      'approval.executing',
      'approval.progress',
      'approval.done',
    ])
      await expect(owner.getByText(action, { exact: true }).first()).toBeVisible();
  });
});

test("an operator's disk and IP deletes are held too, and run once approved", async ({
  page: owner,
  browser,
}) => {
  const { account, operator } = await teamWithOperator(owner, browser, 'deld');

  await operator.goto('/disks/new');
  await operator.getByLabel('Datacenter').selectOption('4');
  await operator.getByLabel('Name').fill('held-disk');
  await operator.getByLabel('Size (GB)').fill('1');
  await operator.getByRole('button', { name: 'Create disk' }).click();
  await expect(operator).toHaveURL(/\/disks\/\d+$/, { timeout: 20_000 });
  const diskPage = operator.url();

  await operator.goto('/network/new');
  await operator.getByRole('radio', { name: /IPv6 only/ }).check();
  await operator.getByRole('button', { name: 'Create public IP' }).click();
  await expect(operator).toHaveURL(/\/network\/interfaces\/\d+$/, { timeout: 20_000 });
  const ifacePage = operator.url();
  expect(await diskCount(account.apiKey)).toBe(1);
  expect(await ifaceCount(account.apiKey)).toBe(1);

  await turnOnDeletePolicy(owner);

  await operator.goto(diskPage);
  await operator.getByRole('button', { name: 'Delete disk' }).click();
  const diskDialog = operator.getByRole('dialog', { name: 'Delete held-disk?' });
  await diskDialog.getByLabel(/Type held-disk to confirm/).fill('held-disk');
  await diskDialog.getByRole('button', { name: 'Delete this disk' }).click();
  await expect(operator.getByRole('status').filter({ hasText: 'Sent for approval' })).toContainText(
    POLICY_HOLD,
  );

  await operator.goto(ifacePage);
  await operator.getByRole('button', { name: 'Delete interface' }).click();
  const ifaceDialog = operator.getByRole('dialog', {
    name: 'Delete this interface and its addresses?',
  });
  // The phrase to type is the interface's address, shown in the dialog.
  const phrase = (await ifaceDialog.locator('label strong').textContent()) ?? '';
  await ifaceDialog.getByRole('textbox').fill(phrase);
  await ifaceDialog.getByRole('button', { name: 'Delete interface' }).click();
  await expect(operator.getByRole('status').filter({ hasText: 'Sent for approval' })).toContainText(
    POLICY_HOLD,
  );
  expect(await diskCount(account.apiKey)).toBe(1);
  expect(await ifaceCount(account.apiKey)).toBe(1);

  await owner.goto('/team/approvals');
  for (const title of ['Delete disk held-disk', `Delete interface #`]) {
    const request = owner.getByRole('region', { name: new RegExp(`^Request: ${title}`) });
    await request.getByLabel('Reason').fill('Cleaning up');
    await request.getByRole('button', { name: 'Approve and run' }).click();
    await expect(request.getByText('done', { exact: true })).toBeVisible({ timeout: 20_000 });
  }
  await expect(
    owner.getByRole('region', {
      name: `Request: Delete interface #${/\d+$/.exec(ifacePage)?.[0]} (${phrase})`,
    }),
  ).toBeVisible();
  await expect.poll(() => diskCount(account.apiKey)).toBe(0);
  await expect.poll(() => ifaceCount(account.apiKey)).toBe(0);
});

test('a request approved by a replica that died before running it is run by the next view of the page', async ({
  page: owner,
  browser,
}) => {
  const { account, operator } = await teamWithOperator(owner, browser, 'orphan');
  await operator.goto('/disks/new');
  await operator.getByLabel('Datacenter').selectOption('4');
  await operator.getByLabel('Name').fill('orphan-disk');
  await operator.getByLabel('Size (GB)').fill('1');
  await operator.getByRole('button', { name: 'Create disk' }).click();
  await expect(operator).toHaveURL(/\/disks\/\d+$/, { timeout: 20_000 });
  await turnOnDeletePolicy(owner);
  await operator.getByRole('button', { name: 'Delete disk' }).click();
  const dialog = operator.getByRole('dialog', { name: 'Delete orphan-disk?' });
  await dialog.getByLabel(/Type orphan-disk to confirm/).fill('orphan-disk');
  await dialog.getByRole('button', { name: 'Delete this disk' }).click();
  await expect(operator.getByRole('status').filter({ hasText: 'Sent for approval' })).toBeVisible();
  await expect.poll(() => diskCount(account.apiKey)).toBe(1);

  // As a replica that died between the approval and queueing its job leaves it: approved, no job.
  const { changes } = await directSql(
    // This run's request only: the storage (and the simulator's deterministic handles, hence
    // the emails) outlive runs of the suite on a developer's machine.
    `update approval_requests set state = 'approved', reason = 'Approved before a crash'
       where id = (select id from approval_requests where params like ?
                   order by created_at desc limit 1)`,
    ['%orphan-disk%'],
  );
  expect(changes).toBe(1);

  await owner.goto('/team/approvals');
  const request = owner.getByRole('region', { name: 'Request: Delete disk orphan-disk' });
  await expect(request.getByText('done', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => diskCount(account.apiKey)).toBe(0);
  await expect(request).not.toContainText('stalled');
});
