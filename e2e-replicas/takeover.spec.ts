/**
 * @file Runs last (it kills replicas): an approved stop-then-delete finishes although the replica
 * that approved it — and started the stop — is killed with SIGKILL right after; then a bulk delete
 * of running VMs whose job's replica is killed right after it stopped them is finished by the
 * other replica — each VM stopped once and deleted once — and the page, through the balancer,
 * shows it end. The second test starts again (as the config does) the replica the first killed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Client } from 'pg';
import { expect, simControl, simRpc, test, vmCount } from '../e2e/fixtures';
import { teamWithOperator } from '../e2e/team-workspace';
import config, { e2eReplicas } from '../playwright.replicas.config';

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

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(!!socket.end()));
    socket.once('error', () => resolve(false));
  });

/** Starts again (as the config does) a replica an earlier spec killed; returns it, or null. */
async function ensureReplica(url: string): Promise<ChildProcess | null> {
  const port = Number(new URL(url).port);
  if (await listening(port)) return null;
  const server = (
    config.webServer as { command: string; port: number; env: Record<string, string> }[]
  ).find((entry) => entry.port === port)!;
  // A group of its own (a shell, npx, the server): killed whole at the end.
  const child = spawn(server.command, {
    shell: true,
    detached: true,
    env: { ...process.env, ...server.env },
    stdio: 'ignore',
  });
  await expect.poll(() => listening(port), { timeout: 60_000 }).toBe(true);
  return child;
}

/** How many operations of `type` the account has for `vmId`. */
async function operationCount(apiKey: string, vmId: number, type: string): Promise<number> {
  const xml = await simRpc('operation.list', apiKey, { vm_id: vmId, type });
  return (xml.match(/<name>step<\/name>/g) ?? []).length;
}

test('a bulk delete finishes on the other replica after SIGKILL right after the stops', async ({
  signedInPage: page,
  account,
}) => {
  test.setTimeout(180_000);
  const restarted = await Promise.all(e2eReplicas.replicaUrls.map(ensureReplica));
  try {
    const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
      apiKey: account.apiKey,
      count: 2,
    });
    await page.goto('/vms');
    const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await expect(toolbar.getByText('2 VMs selected')).toBeVisible();
    await toolbar.getByRole('button', { name: 'Delete selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 VMs?' });
    await dialog.getByLabel(/Type delete to confirm/).fill('delete');
    await dialog.getByRole('button', { name: 'Delete 2 VMs' }).click();
    const results = page.getByRole('region', { name: 'Bulk action results' });
    await expect(results.getByRole('heading', { name: 'Delete: 2 started' })).toBeVisible();

    // The replica holding the job (its owner names its pid) dies as soon as both stops are
    // recorded: read in a tight loop on one connection, the deletes that follow are at least a poll
    // away. (Killed between sending a stop and recording it, the next owner finds that VM halted
    // and shows a plain delete: true, but not the two steps this test follows.)
    type Row = { id: string; lease_owner: string | null; checkpoint: string | null };
    const stopsRecorded = (row: Row | undefined) =>
      Object.values(
        (
          JSON.parse(row?.checkpoint ?? '{}') as {
            items?: Record<string, { phase: string | null; stopIds: number[] }>;
          }
        ).items ?? {},
      ).filter((item) => item.phase === 'stopping' || item.stopIds.length > 0).length;
    const watcher = new Client({ connectionString: e2eReplicas.databaseUrl });
    await watcher.connect();
    let holder: Row | undefined;
    try {
      const deadline = Date.now() + 30_000;
      while (stopsRecorded(holder) < vmIds.length) {
        expect(Date.now(), 'both stops were recorded').toBeLessThan(deadline);
        const { rows } = await watcher.query<Row>(
          `select id, lease_owner, checkpoint from jobs where kind = 'bulk.vm-delete'
             order by created_at desc limit 1`,
        );
        holder = rows[0];
      }
    } finally {
      await watcher.end();
    }
    if (!holder) throw new Error('no bulk delete job');
    const pid = Number(/:(\d+):/.exec(holder.lease_owner ?? '')?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');

    // The other replica takes the job over after its lease and deletes both: a stop or a delete
    // the dead one sent is followed, never sent again.
    await expect.poll(() => vmCount(account.apiKey), { timeout: 90_000 }).toBe(0);
    for (const vmId of vmIds) {
      expect(await operationCount(account.apiKey, vmId, 'vm_stop')).toBe(1);
      expect(await operationCount(account.apiKey, vmId, 'vm_delete')).toBe(1);
    }
    // The VMs are gone when the simulator ends the deletes; the job ends a poll later.
    const job = async () =>
      (
        await sql<{ state: string; attempts: number; payload: string }>(
          'select state, attempts, payload from jobs where id = $1',
          [holder.id],
        )
      )[0];
    await expect.poll(async () => (await job())?.state, { timeout: 30_000 }).not.toBe('queued');
    const ended = await job();
    expect(ended).toMatchObject({ state: 'done', attempts: 2 });
    expect(ended!.payload).not.toContain('sealedKey');
    expect(ended!.payload).not.toContain(account.apiKey);

    // The page kept following the job through the balancer: both end deleted, step 2 of 2.
    const steps = results.getByRole('region', { name: /stopped, deleting \(step 2 of 2\)/ });
    await expect(steps).toHaveCount(2, { timeout: 30_000 });
    for (const step of await steps.all()) {
      await expect(step).toContainText('Step: Done', { timeout: 30_000 });
    }
  } finally {
    for (const child of restarted) {
      try {
        if (child?.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone (it may have been the replica this test killed).
      }
    }
  }
});
