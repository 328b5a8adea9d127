/**
 * @file Runs last (it kills a replica): an approved stop-then-delete finishes although the replica
 * that approved it — and started the stop — is killed with SIGKILL right after.
 */
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { expect, simRpc, test, vmCount } from '../e2e/fixtures';
import { teamWithOperator } from '../e2e/team-workspace';
import { e2eReplicas } from '../playwright.replicas.config';

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: e2eReplicas.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The pid of the server listening on `port` (the replica this run started). */
function listenerPid(port: number): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`nothing listens on ${port}`);
  return Number(pid);
}

test('an approved stop-then-delete finishes on the other replica after SIGKILL', async ({
  page: owner,
  browser,
}) => {
  test.setTimeout(180_000);
  await sql('delete from sign_in_failures');
  const { account, operator, operatorEmail } = await teamWithOperator(owner, browser, 'kill', {
    template: true,
  });
  const hostname = 'doomed';
  await operator.goto('/team/templates');
  const template = operator.getByRole('region', { name: 'Template web small' });
  await template.getByLabel('Hostname').fill(hostname);
  await template.getByRole('button', { name: 'Launch' }).click();
  await expect(template.getByRole('link', { name: new RegExp(hostname) })).toBeVisible();
  await expect
    .poll(async () => /<string>running</.test(await simRpc('hosting.vm.list', account.apiKey)), {
      timeout: 30_000,
    })
    .toBe(true);

  await owner.goto('/team/quotas');
  const policy = owner.getByRole('form', { name: 'Approval policy' });
  await policy.getByRole('checkbox', { name: /Any delete by an operator needs approval/ }).check();
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(policy.getByText('Saved.')).toBeVisible();

  await operator.goto('/vms');
  await operator.getByRole('link', { name: hostname }).click();
  await operator.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = operator.getByRole('dialog', { name: `Delete ${hostname}?` });
  await dialog.getByLabel(new RegExp(`Type ${hostname} to confirm`)).fill(hostname);
  await dialog.getByRole('button', { name: 'Delete this VM' }).click();
  await expect(operator.getByRole('status').filter({ hasText: 'Sent for approval' })).toBeVisible();

  // Approved on replica 1 directly: it sends the stop, answers, and dies.
  const [first] = e2eReplicas.replicaUrls as [string, string];
  await owner.goto(`${first}/team/approvals`);
  const request = owner.getByRole('region', { name: `Request: Delete VM ${hostname}` });
  await request.getByLabel('Reason').fill('Killed mid-way on purpose');
  await request.getByRole('button', { name: 'Approve and run' }).click();
  await expect(request.getByText(/executing|done/)).toBeVisible({ timeout: 30_000 });
  process.kill(listenerPid(Number(new URL(first).port)), 'SIGKILL');

  // The other replica takes the job over (after its lease) and deletes the VM.
  await expect.poll(() => vmCount(account.apiKey), { timeout: 90_000 }).toBe(0);
  const request_ = () =>
    sql<{ state: string; operation_ids: string }>(
      'select state, operation_ids from approval_requests where requester_email = $1',
      [operatorEmail],
    ).then((rows) => rows[0]);
  await expect.poll(async () => (await request_())?.state, { timeout: 30_000 }).toBe('done');
  expect(JSON.parse((await request_())!.operation_ids)).toHaveLength(2);
  // Through the balancer, the surviving replica serves the page that says so.
  await owner.goto('/team/approvals');
  await expect(request.getByText('done', { exact: true })).toBeVisible({ timeout: 30_000 });
});
