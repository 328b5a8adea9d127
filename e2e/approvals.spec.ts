/**
 * @file Approvals: an operator at quota is stopped before any API call, asks for approval, the
 * owner approves with a reason, the portal creates the VM and the operator follows its operations.
 */
import { diskCount, expect, ifaceCount, simRpc, test, vmCount } from './fixtures';
import { launchWebSmall, setQuota, teamWithOperator } from './team-workspace';
import { openWizardAtReview } from './wizard-steps';

test('an operator at quota asks for approval, the owner approves, the VM appears', async ({
  page: owner,
  browser,
}) => {
  const { account, operator, operatorEmail } = await teamWithOperator(owner, browser, 'appr', {
    template: true,
  });

  // No VM for the operator without an approval.
  await setQuota(owner, operatorEmail, { VMs: '0' });

  await test.step('the operator is stopped before any API call and asks', async () => {
    await operator.goto('/team/templates');
    const template = operator.getByRole('region', { name: 'Template web small' });
    await template.getByLabel('Hostname').fill('approved-1');
    await template.getByRole('button', { name: 'Launch' }).click();
    await expect(template.getByRole('alert')).toContainText(
      'Over quota — VMs: your quota is 0, 0 used, this asks for 1 more.',
    );
    expect(await vmCount(account.apiKey)).toBe(0);
    await template.getByLabel('Note for the approver (optional)').fill('demo on Monday');
    await template.getByRole('button', { name: 'Ask for approval' }).click();
    await expect(template.getByText('Sent for approval.')).toBeVisible();
    expect(await vmCount(account.apiKey)).toBe(0);
  });

  await test.step('the owner approves with a reason; the portal runs it', async () => {
    await owner.goto('/team/approvals');
    const request = owner.getByRole('region', { name: /Launch “web small” as approved-1/ });
    await expect(request).toContainText('pending');
    await expect(request).toContainText('VMs: your quota is 0');
    // The reason is marked required and checked before anything is sent.
    await expect(request.getByLabel('Reason (required)')).toHaveAttribute('required', '');
    await request.getByRole('button', { name: 'Approve and run' }).click();
    await expect(
      request.getByText('Give a reason: it is recorded with the decision.'),
    ).toBeVisible();
    await request.getByLabel('Reason').fill('Approved for the Monday demo');
    await request.getByRole('button', { name: 'Approve and run' }).click();
    await expect(request.getByText('done', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => vmCount(account.apiKey)).toBe(1);
  });

  await test.step('the operator sees the request done and its operations live', async () => {
    await operator.goto('/team/approvals');
    const request = operator.getByRole('region', { name: /Launch “web small” as approved-1/ });
    await expect(request).toContainText('Approved for the Monday demo');
    const rows = request.locator('li[data-operation-id]');
    await expect(rows).toHaveCount(3);
    for (const row of await rows.all())
      await expect(row).toContainText('DONE', { timeout: 30_000 });
    // The VM is the operator's: it shows in their list and they may act on it.
    await operator.goto('/vms');
    await expect(operator.getByRole('link', { name: 'approved-1' })).toBeVisible();
  });

  await test.step('a policy holds launches above N cores even within quota', async () => {
    await setQuota(owner, operatorEmail, { VMs: '5' });
    const policy = owner.getByRole('form', { name: 'Approval policy' });
    await policy.getByLabel('Approval needed above this many cores').fill('1');
    await policy.getByRole('button', { name: 'Save policy' }).click();
    await expect(policy.getByText('Saved.')).toBeVisible();

    await operator.goto('/team/templates');
    const template = operator.getByRole('region', { name: 'Template web small' });
    await template.getByLabel('Hostname').fill('approved-2');
    await template.getByRole('button', { name: 'Launch' }).click();
    await expect(template.getByRole('alert')).toContainText(
      "Needs approval — Policy: launches above 1 core need an admin's approval (this one has 2).",
    );
    await expect(template.getByRole('button', { name: 'Ask for approval' })).toBeVisible();
    expect(await vmCount(account.apiKey)).toBe(1);
  });

  await test.step('requests, decisions and executions are in the audit log', async () => {
    await owner.goto('/team/audit');
    await expect(owner.getByText('approval.request').first()).toBeVisible();
    await expect(owner.getByText('approval.decide').first()).toBeVisible();
    // Each transition of the request is its own entry in the hash chain.
    for (const action of [
      'approval.requested',
      'approval.approved',
      'approval.executing',
      'approval.done',
    ])
      await expect(owner.getByText(action, { exact: true }).first()).toBeVisible();
  });
});

test('an operator over disk quota is refused before any API call, asks, and gets the disk', async ({
  page: owner,
  browser,
}) => {
  const { account, operator, operatorEmail } = await teamWithOperator(owner, browser, 'dq');

  await setQuota(owner, operatorEmail, { 'Disk (GB)': '1' });

  const newDisk = async (name: string, sizeGb: string) => {
    await operator.goto('/disks/new');
    await operator.getByLabel('Datacenter').selectOption('4');
    await operator.getByLabel('Name').fill(name);
    await operator.getByLabel('Size (GB)').fill(sizeGb);
    await operator.getByRole('button', { name: 'Create disk' }).click();
  };

  // Within the quota the form creates the disk.
  await newDisk('fits', '1');
  await expect(operator).toHaveURL(/\/disks\/\d+$/, { timeout: 20_000 });
  expect(await diskCount(account.apiKey)).toBe(1);

  // The quota is now full: a snapshot of it (a new disk as big) is refused too, and can be asked.
  const snapshot = operator.getByRole('region', { name: 'Snapshot', exact: true });
  await snapshot.getByLabel('Snapshot name (optional)').fill('fits-snap');
  await snapshot.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(snapshot.getByRole('alert')).toContainText(
    'Over quota — Disk: your quota is 1 GB, 1 GB used, this asks for 1 GB more.',
  );
  await snapshot.getByRole('button', { name: 'Ask for approval' }).click();
  await expect(snapshot.getByText('Sent for approval.')).toBeVisible();
  expect(await diskCount(account.apiKey)).toBe(1);

  await newDisk('too-big', '2');
  // Shown next to the size, with what is used and what it asks for; nothing reached the API.
  const refusal = 'Disk: your quota is 1 GB, 1 GB used, this asks for 2 GB more.';
  await expect(
    operator.getByRole('alert').filter({ hasText: `Over quota — ${refusal}` }),
  ).toBeVisible();
  await expect(operator.getByText(refusal, { exact: true })).toBeVisible();
  expect(await diskCount(account.apiKey)).toBe(1);
  await operator.getByRole('button', { name: 'Ask for approval' }).click();
  await expect(operator.getByText('Sent for approval.')).toBeVisible();
  expect(await diskCount(account.apiKey)).toBe(1);

  await owner.goto('/team/approvals');
  const request = owner.getByRole('region', { name: 'Request: Create disk too-big (empty, 2 GB)' });
  await expect(request).toContainText(refusal);
  await request.getByLabel('Reason').fill('Needed for the import');
  await request.getByRole('button', { name: 'Approve and run' }).click();
  await expect(request.getByText('done', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => diskCount(account.apiKey)).toBe(2);
  // The snapshot's request waits beside it, named after its disk.
  await expect(
    owner.getByRole('region', { name: 'Request: Snapshot disk fits as fits-snap' }),
  ).toContainText('pending');
  // The disk is the operator's: listed for them, with its operation followed to the end.
  await operator.goto('/team/approvals');
  const mine = operator.getByRole('region', { name: /Create disk too-big/ });
  await expect(mine.getByText('Step: Done').first()).toBeVisible({ timeout: 30_000 });
  await operator.goto('/disks');
  await expect(operator.getByRole('link', { name: 'too-big' })).toBeVisible();
});

test('an operator over quota in the wizard asks for approval; the owner approves; the VM is theirs', async ({
  page: owner,
  browser,
}) => {
  const { account, operator, operatorEmail } = await teamWithOperator(owner, browser, 'wiz');
  await setQuota(owner, operatorEmail, { VMs: '0' });

  let password = '';
  await test.step('the wizard refuses before any API call and offers to ask', async () => {
    password = await openWizardAtReview(operator, 'wizard-appr');
    await operator.getByRole('button', { name: 'Create VM' }).click();
    await expect(operator.getByRole('alert').first()).toContainText(
      'Over quota — VMs: your quota is 0, 0 used, this asks for 1 more.',
    );
    expect(await vmCount(account.apiKey)).toBe(0);
    // One step: the refusal is an offer to ask, with the requester's own reason.
    await operator.getByLabel('Note for the approver (optional)').fill('for the test bench');
    await operator.getByRole('button', { name: 'Ask for approval' }).click();
    await expect(operator.getByText('Sent for approval.')).toBeVisible();
    expect(await vmCount(account.apiKey)).toBe(0);
  });

  await test.step('the owner approves; the portal runs create_from for the operator', async () => {
    // The navigation counts what waits for a decision.
    await owner.goto('/');
    await expect(
      owner.getByRole('link', { name: /^Team \d+ approval requests waiting/ }),
    ).toBeVisible();
    await owner.goto('/team/approvals');
    const request = owner.getByRole('region', { name: /Create VM wizard-appr/ });
    await expect(request).toContainText('pending');
    await expect(request).toContainText('VMs: your quota is 0');
    await expect(request).toContainText("Requester's note: for the test bench");
    await request.getByLabel('Reason').fill('Fine for the test bench');
    await request.getByRole('button', { name: 'Approve and run' }).click();
    await expect(request.getByText('done', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => vmCount(account.apiKey)).toBe(1);
  });

  await test.step('the VM is the operator’s, and the password is nowhere in clear', async () => {
    await operator.goto('/vms');
    await expect(operator.getByRole('link', { name: 'wizard-appr' })).toBeVisible();
    await owner.goto('/team/audit');
    await expect(owner.getByText('approval.requested', { exact: true }).first()).toBeVisible();
    expect(password.length).toBeGreaterThan(8);
    expect(await owner.content()).not.toContain(password);
    await owner.goto('/team/approvals');
    expect(await owner.content()).not.toContain(password);
  });
});

test("an operator's resize past the cores quota is asked for, approved and applied", async ({
  page: owner,
  browser,
}) => {
  const { account, operator, operatorEmail } = await teamWithOperator(owner, browser, 'rs', {
    template: true,
  });
  await setQuota(owner, operatorEmail, { Cores: '2' });

  await launchWebSmall(operator, 'grow-me');
  await operator.getByRole('spinbutton', { name: 'Cores' }).fill('3');
  await operator.getByRole('button', { name: /^Apply/ }).click();
  const refusal = 'Cores: your quota is 2, 2 used, this asks for 1 more.';
  await expect(operator.getByRole('alert').filter({ hasText: 'Over quota' })).toContainText(
    refusal,
  );
  await operator.getByRole('button', { name: 'Ask for approval' }).click();
  await expect(operator.getByText('Sent for approval.')).toBeVisible();
  await expect(operator.getByText('2 cores, 2 GB in FR-SD3')).toBeVisible();

  await owner.goto('/team/approvals');
  const request = owner.getByRole('region', {
    name: 'Request: Resize VM grow-me to 3 cores, 2 GB',
  });
  await expect(request).toContainText(refusal);
  await request.getByLabel('Reason').fill('Load test this week');
  await request.getByRole('button', { name: 'Approve and run' }).click();
  await expect(request.getByText('done', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () =>
      /<name>cores<\/name>\s*<value>\s*<int>3</.test(
        await simRpc('hosting.vm.list', account.apiKey),
      ),
    )
    .toBe(true);
  await operator.reload();
  await expect(operator.getByText('3 cores, 2 GB in FR-SD3')).toBeVisible({ timeout: 20_000 });
});

test('an operator over the IPv4 quota asks for a public IP, withdraws, asks again, gets it', async ({
  page: owner,
  browser,
}) => {
  const { account, operator, operatorEmail } = await teamWithOperator(owner, browser, 'ip');
  await setQuota(owner, operatorEmail, { 'IPv4 addresses': '0' });

  const refusal = 'IPv4 addresses: your quota is 0, 0 used, this asks for 1 more.';
  const ask = async () => {
    await operator.goto('/network/new');
    await operator.getByRole('radio', { name: /IPv4 \+ IPv6/ }).check();
    await operator.getByRole('button', { name: 'Create public IP' }).click();
    await expect(operator.getByText(refusal)).toBeVisible();
    expect(await ifaceCount(account.apiKey)).toBe(0);
    await operator.getByRole('button', { name: 'Ask for approval' }).click();
    await expect(operator.getByText('Sent for approval.')).toBeVisible();
  };
  const requests = (page: typeof owner, state: string) =>
    page
      .getByRole('region', { name: 'Request: Create a public IP (IPv4 + IPv6)' })
      .filter({ hasText: state });

  await ask();
  await operator.goto('/team/approvals');
  await requests(operator, 'pending').getByRole('button', { name: 'Withdraw request' }).click();
  await expect(requests(operator, 'cancelled')).toHaveCount(1);
  await owner.goto('/team/approvals');
  // Nothing left to decide on a withdrawn request.
  await expect(requests(owner, 'cancelled').getByRole('button')).toHaveCount(0);

  await ask();
  await owner.goto('/team/approvals');
  const pending = requests(owner, 'pending');
  await expect(pending).toContainText(refusal);
  await pending.getByLabel('Reason').fill('Public endpoint for the demo');
  await pending.getByRole('button', { name: 'Approve and run' }).click();
  await expect(requests(owner, 'done')).toHaveCount(1, { timeout: 20_000 });
  await expect.poll(() => ifaceCount(account.apiKey)).toBe(1);
  // The operator follows the creation to its end from their requests.
  await operator.goto('/team/approvals');
  await expect(requests(operator, 'done').getByText('Step: Done')).toBeVisible({ timeout: 30_000 });
});
