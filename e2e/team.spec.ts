/**
 * @file Team workspaces end to end: an owner turns a key into a workspace and invites an operator
 * and a viewer; roles hold on the server (also against a replayed, forged server-action request);
 * removal ends a member's open session; the audit log shows every step, its chain verifies, and a
 * direct database edit is detected. The key reaches no browser and no audit entry.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page, Request } from '@playwright/test';
import { e2ePortalEncryptionKey, e2eTeamDatabase } from '../playwright.config';
import { directSql } from './team-workspace';
import {
  createAccount,
  expect,
  recordBodies,
  simControl,
  simVmState,
  test,
  type BodyRecorder,
} from './fixtures';
import { openWizardAtSize } from './wizard-steps';

const PASSWORD = 'team-e2e-password-1';

interface Member {
  page: Page;
  recorder: BodyRecorder;
}

async function openPage(browser: Browser): Promise<Member> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, recorder: await recordBodies(page) };
}

/** Owner invites `email` with `role` and returns the one-time link shown once. */
async function invite(owner: Page, email: string, role: 'Operator' | 'Viewer'): Promise<string> {
  await owner.goto('/team/members');
  await owner.getByLabel('Email').fill(email);
  await owner.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await owner.getByRole('button', { name: 'Invite' }).click();
  const link = owner.getByRole('textbox', { name: 'Invitation link' });
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  return link.inputValue();
}

async function accept(member: Page, link: string): Promise<void> {
  await member.goto(link);
  await member.getByLabel('Choose a password').fill(PASSWORD);
  await member.getByLabel('Repeat the password').fill(PASSWORD);
  await member.getByRole('button', { name: 'Join the workspace' }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** The creation wizard with the fewest choices (the wizard's own spec covers the rest). */
async function createVmThroughWizard(page: Page, hostname: string): Promise<void> {
  await openWizardAtSize(page);
  await page.getByLabel('Memory (MB)').fill('512');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Step 4 of 6: Network' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Hostname').fill(hostname);
  await page.getByRole('button', { name: 'Generate a password' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create VM' }).click();
  await expect(page.getByText(`${hostname} is ready.`)).toBeVisible({ timeout: 45_000 });
}

/** `hosting.vm.info` straight from the simulator: the VM's state, or null once it is gone. */
test.describe.configure({ mode: 'serial' });

test('owner, operator and viewer: roles on the server, removal, and a verifiable audit log', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const account = await createAccount();
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: account.apiKey,
    count: 1,
  });
  const ownerVmId = vmIds[0]!;
  // The team storage outlives a run (reused servers) and simulator handles repeat after a restart:
  // the run's start time keeps this run's members apart from earlier ones.
  const suffix = `${account.handle.toLowerCase().replace(/[^a-z0-9]/g, '')}${Date.now().toString(36)}`;
  const ownerEmail = `owner-${suffix}@example.test`;
  const operatorEmail = `operator-${suffix}@example.test`;
  const viewerEmail = `viewer-${suffix}@example.test`;

  const owner = await openPage(browser);
  const operator = await openPage(browser);
  const viewer = await openPage(browser);

  await test.step('the owner turns a personal session into a workspace', async () => {
    const page = owner.page;
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Personal — API key' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Team — email + password' })).toBeVisible();
    await page.getByLabel('API key').fill(account.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByLabel('Workspace name').fill(`Ops ${suffix}`);
    await page.getByLabel('Your email (owner)').fill(ownerEmail);
    await page.getByLabel('Owner password').fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Ops ${suffix}` })).toBeVisible();
    await expect(page.getByTestId('team-member')).toContainText(`${ownerEmail} · owner`);
  });

  await test.step('the owner can replace the key, only with one of the same account', async () => {
    const page = owner.page;
    const other = await createAccount();
    await page.goto('/team');
    await page.getByLabel('New API key').fill(other.apiKey);
    await page.getByRole('button', { name: 'Replace the key' }).click();
    await expect(page.getByText('This key belongs to another Gandi account.')).toBeVisible();
    await page.getByLabel('New API key').fill(account.apiKey);
    await page.getByRole('button', { name: 'Replace the key' }).click();
    await expect(page.getByText('The workspace now uses the new key.')).toBeVisible();
    await owner.recorder.expectNoSecret(other.apiKey);
  });

  const operatorLink = await invite(owner.page, operatorEmail, 'Operator');
  const viewerLink = await invite(owner.page, viewerEmail, 'Viewer');

  await test.step('a link works once', async () => {
    await accept(operator.page, operatorLink);
    const stranger = await openPage(browser);
    await stranger.page.goto(operatorLink);
    await expect(
      stranger.page.getByRole('heading', { name: 'This link does not work' }),
    ).toBeVisible();
    await stranger.page.context().close();
    await accept(viewer.page, viewerLink);
  });

  let operatorVmId = 0;
  const ownHostname = `op-${Date.now().toString(36)}`;
  let ownerHostname = '';
  await test.step('the operator creates a VM, which becomes theirs', async () => {
    const page = operator.page;
    await createVmThroughWizard(page, ownHostname);
    await page.getByRole('link', { name: new RegExp(`Open op-`) }).click();
    await expect(page).toHaveURL(/\/vms\/\d+$/);
    operatorVmId = Number(/\/vms\/(\d+)$/.exec(page.url())?.[1]);
    expect(operatorVmId).toBeGreaterThan(0);
  });

  await test.step('the operator cannot delete the owner’s VM through the page', async () => {
    const page = operator.page;
    await page.goto(`/vms/${ownerVmId}`);
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    ownerHostname = heading.trim().split(/\s+/)[0] ?? '';
    expect(ownerHostname).not.toBe('');
    // Disabled with the reason, before any click (the server refuses it too: the replay below).
    // (The VM page's other tools — disks, IPs — say the same where they are.)
    await expect(page.locator('#vm-actions-blocked')).toHaveText(
      'Operators can act only on what they created.',
    );
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
    await page.goto('/vms');
    await expect(
      page.getByRole('checkbox', { name: `Select ${ownerHostname}`, exact: true }),
    ).toBeDisabled();
    await expect(
      page.getByRole('checkbox', { name: `Select ${ownHostname}`, exact: true }),
    ).toBeEnabled();
    expect(await simVmState(account.apiKey, ownerVmId)).toBe('running');
  });

  await test.step('nor by replaying its own delete request with the owner’s VM id', async () => {
    const page = operator.page;
    await page.goto(`/vms/${operatorVmId}`);
    const captured = page.waitForRequest(
      // The delete action's own POST (the page may call other actions, e.g. price look-ups).
      (request: Request) =>
        request.method() === 'POST' &&
        !!request.headers()['next-action'] &&
        (request.postData() ?? '').includes('confirm_hostname'),
    );
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/to confirm/).fill(ownHostname);
    await dialog.getByRole('button', { name: 'Delete this VM' }).click();
    const request = await captured;
    const body = request.postData() ?? '';
    expect(body).toContain(String(operatorVmId));
    // The same action, the same session, a forged body: another VM id and its hostname.
    const forged = body
      .replaceAll(`\r\n\r\n${operatorVmId}\r\n`, `\r\n\r\n${ownerVmId}\r\n`)
      .replaceAll(`\r\n\r\n${ownHostname}\r\n`, `\r\n\r\n${ownerHostname}\r\n`);
    expect(forged).not.toBe(body);
    const headers = await request.allHeaders();
    const replay = await page.request.post(request.url(), {
      headers: {
        'content-type': headers['content-type'] ?? '',
        'next-action': headers['next-action'] ?? '',
        accept: headers.accept ?? 'text/x-component',
        ...(headers.origin ? { origin: headers.origin } : {}),
        ...(headers['next-router-state-tree']
          ? { 'next-router-state-tree': headers['next-router-state-tree'] }
          : {}),
      },
      data: Buffer.from(forged),
    });
    expect(replay.status()).toBe(200);
    expect(await replay.text()).toContain('Your role (Operator) does not allow this.');
    expect(await simVmState(account.apiKey, ownerVmId)).toBe('running');
    // Its own VM, though, is being deleted (stopped first, then deleted).
    // (The page's own delete flow is the VM spec's business; here only the outcome counts.)
    await expect
      .poll(() => simVmState(account.apiKey, operatorVmId), { timeout: 30_000 })
      .toBe(null);
  });

  await test.step('the viewer sees everything and can change nothing', async () => {
    const page = viewer.page;
    await page.goto('/vms');
    await expect(page.getByRole('table')).toContainText(ownerHostname);
    await page.goto(`/vms/${ownerVmId}`);
    // Every control that would be refused is disabled, and the page says why.
    await expect(page.locator('#vm-actions-blocked')).toHaveText(
      'Viewers can look but not change anything.',
    );
    for (const name of ['Stop', 'Reboot', 'Delete'])
      await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Stop', exact: true })).toHaveAttribute(
      'aria-describedby',
      'vm-actions-blocked',
    );
    await page.goto('/vms');
    await expect(page.getByRole('checkbox', { name: /^Select / }).first()).toBeDisabled();
    expect(await simVmState(account.apiKey, ownerVmId)).toBe('running');
    await page.goto('/team/members');
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Invite' })).toHaveCount(0);
    await page.goto('/team/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toHaveCount(0);
    const exported = await page.request.get('/team/audit/export?format=json');
    expect(exported.status()).toBe(403);
  });

  await test.step('removing the viewer ends their open session at the next request', async () => {
    await viewer.page.goto('/vms');
    await expect(viewer.page).toHaveURL(/\/vms$/);
    await expect(viewer.page.getByTestId('team-member')).toContainText(viewerEmail);
    const page = owner.page;
    await page.goto('/team/members');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Remove ${viewerEmail}` }).click();
    await expect(page.getByRole('cell', { name: viewerEmail })).toHaveCount(0);
    await viewer.page.goto('/vms');
    await expect(viewer.page).toHaveURL(/\/login/);
    await expect(
      viewer.page.getByRole('heading', { name: 'Team — email + password' }),
    ).toBeVisible();
    // Signing in again with the old password does not work either.
    await viewer.page.getByLabel('Email').fill(viewerEmail);
    await viewer.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await viewer.page.getByRole('button', { name: 'Enter team workspace' }).click();
    await expect(
      viewer.page.getByText('Sign-in failed: unknown email or wrong password.'),
    ).toBeVisible();
  });

  await test.step('the audit log shows every step and its chain verifies', async () => {
    const page = owner.page;
    await page.goto('/team/audit');
    await expect(page.getByTestId('chain-verdict')).toContainText('Chain verified');
    const table = page.getByRole('table', { name: 'Audit entries' });
    for (const action of [
      'workspace.create',
      'members.invite',
      'members.join',
      'vm.create',
      'vm.delete',
      'members.remove',
      'workspace.key.replace',
      'operation.final',
    ]) {
      await expect(table.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
    }
    const refusedDeletes = table
      .getByRole('row')
      .filter({ hasText: 'vm.delete' })
      .filter({ hasText: 'refused' })
      .filter({ hasText: operatorEmail });
    // Through the forged replay (the page no longer offers what the role does not allow).
    await expect(refusedDeletes).toHaveCount(1);

    await page.getByLabel('Member').selectOption({ label: operatorEmail });
    await page.getByLabel('Action').fill('vm.create');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    // The creation's entry names the VM it created.
    await expect(table).toContainText(`vm:${operatorVmId}`);

    const json = await page.request.get('/team/audit/export?format=json');
    expect(json.status()).toBe(200);
    const jsonText = await json.text();
    expect(jsonText).not.toContain(account.apiKey);
    expect(jsonText).not.toContain(PASSWORD);
    const csv = await page.request.get('/team/audit/export?format=csv');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('members.remove');
  });

  await test.step('a direct database edit breaks the chain, on the page and for audit:verify', async () => {
    const [workspace] = (
      await directSql<{ workspace_id: string }>(
        'select workspace_id from members where email = ?',
        [ownerEmail],
      )
    ).rows;
    const workspaceId = workspace?.workspace_id ?? '';
    const rawAudit = await directSql('select params, message from audit where workspace_id = ?', [
      workspaceId,
    ]);
    expect(rawAudit.rows.length).toBeGreaterThan(10);
    expect(JSON.stringify(rawAudit.rows)).not.toContain(account.apiKey);
    const edited = await directSql(
      `update audit set result = 'ok' where workspace_id = ? and action = 'vm.delete' and result = 'refused'`,
      [workspaceId],
    );
    expect(edited.changes).toBe(1);

    await owner.page.goto('/team/audit');
    await expect(owner.page.getByTestId('chain-verdict')).toContainText('Chain broken');
    await expect(owner.page.getByTestId('chain-verdict')).toContainText('edited');

    let exitCode = 0;
    let output = '';
    try {
      execFileSync('npx', ['tsx', 'scripts/audit-verify.ts', workspaceId], {
        cwd: path.resolve(__dirname, '..'),
        env: {
          ...process.env,
          PORTAL_DATA_DIR: path.dirname(e2eTeamDatabase),
          PORTAL_ENCRYPTION_KEY: e2ePortalEncryptionKey,
        },
        encoding: 'utf8',
      });
    } catch (err) {
      const failure = err as { status: number; stdout: string };
      exitCode = failure.status;
      output = failure.stdout;
    }
    expect(exitCode).toBe(1);
    expect(output).toContain('BROKEN');
  });

  await test.step('the key reached no browser', async () => {
    for (const member of [owner, operator, viewer]) {
      await member.recorder.expectNoSecret(account.apiKey);
    }
  });
});
