/**
 * @file Team-workspace steps shared by the team e2e specs: turn a personal session into a
 * workspace, invite an operator, define a VM template, set a quota, edit the team storage directly.
 */
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { Browser, Page } from '@playwright/test';
import { e2eTeamDatabase } from '../playwright.config';
import { addSshKey, createAccount, expect } from './fixtures';

export const PASSWORD = 'templates-e2e-password-1';
export async function createWorkspace(page: Page, apiKey: string, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/team');
  await page.getByLabel('Workspace name').fill('Templates team');
  await page.getByLabel('Your email (owner)').fill(email);
  await page.getByLabel('Owner password').fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates team' })).toBeVisible();
}

export async function defineTemplate(
  page: Page,
  name: string,
  options: { memory?: string; operators?: boolean } = {},
): Promise<void> {
  await page.goto('/team/templates');
  await page.getByLabel('Template name').fill(name);
  await page.getByLabel('Datacenter').selectOption({ label: 'FR-SD3 — Paris, France SD3' });
  const image = page.getByLabel('Image');
  const debian = await image
    .locator('option')
    .filter({ hasText: /^Debian 9/ })
    .first()
    .getAttribute('value');
  await image.selectOption(debian ?? '');
  await page.getByLabel('Cores').fill('2');
  await page.getByLabel('Memory (MB)').fill(options.memory ?? '2048');
  await page.getByLabel('System disk (GB)').fill('10');
  await page.getByRole('checkbox', { name: 'laptop' }).check();
  await page.getByLabel('First-boot script (optional)').fill('#!/bin/sh\necho ready > /etc/motd\n');
  await page.getByLabel('Snapshot profile of the system disk').selectOption({ label: 'minimal' });
  if (options.operators === false)
    await page.getByRole('checkbox', { name: 'Operators' }).uncheck();
  // The definition shows what each launch will cost: 2×168 + 2×120 + 10×135 + 210.
  if (!options.memory) {
    await expect(page.getByRole('region', { name: /Cost per VM launched/ })).toContainText(
      '+2,136 credits/hour',
    );
  }
  await page.getByRole('button', { name: 'Save template' }).click();
}

/** Invites `email` as an operator (or `role`) and signs them in, in a browser context of their own. */
export async function inviteOperator(
  owner: Page,
  browser: Browser,
  email: string,
  role: 'Operator' | 'Viewer' = 'Operator',
): Promise<Page> {
  await owner.goto('/team/members');
  await owner.getByLabel('Email').fill(email);
  await owner.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await owner.getByRole('button', { name: 'Invite' }).click();
  const link = await owner.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  const member = await (await browser.newContext()).newPage();
  await member.goto(link);
  await member.getByLabel('Choose a password').fill(PASSWORD);
  await member.getByLabel('Repeat the password').fill(PASSWORD);
  await member.getByRole('button', { name: 'Join the workspace' }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  return member;
}

/** Sets `email`'s quota on /team/quotas (labels as on the form: 'VMs', 'Cores', 'Disk (MB)'…). */
export async function setQuota(
  owner: Page,
  email: string,
  limits: Record<string, string>,
): Promise<void> {
  await owner.goto('/team/quotas');
  const quota = owner.getByRole('form', { name: new RegExp(`^Quota of ${email}`) });
  for (const [label, value] of Object.entries(limits)) await quota.getByLabel(label).fill(value);
  await quota.getByRole('button', { name: 'Save quota' }).click();
  await expect(quota.getByText('Saved.')).toBeVisible();
}

/**
 * A fresh account turned into a workspace by `owner`, with an operator signed in beside it;
 * `template: true` also adds the SSH key "laptop" and the template "web small" (2 cores).
 */
export async function teamWithOperator(
  owner: Page,
  browser: Browser,
  prefix: string,
  { template = false }: { template?: boolean } = {},
) {
  const account = await createAccount(1_000_000);
  if (template) await addSshKey(account.apiKey, 'laptop');
  await createWorkspace(owner, account.apiKey, `${prefix}-owner-${account.handle}@example.test`);
  if (template) {
    await defineTemplate(owner, 'web small');
    await expect(owner.getByText('Template “web small” saved.')).toBeVisible();
  }
  const operatorEmail = `${prefix}-op-${account.handle}@example.test`.toLowerCase();
  const operator = await inviteOperator(owner, browser, operatorEmail);
  return { account, operator, operatorEmail };
}

/**
 * SQL straight against the panel's team storage, bypassing the panel: the SQLite file, or the
 * PostgreSQL database when the panel runs with DATABASE_URL. `?` placeholders.
 */
export async function directSql<T>(
  sql: string,
  params: unknown[],
): Promise<{ rows: T[]; changes: number }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      let index = 0;
      const result = await client.query(
        sql.replace(/\?/g, () => `$${++index}`),
        params,
      );
      return { rows: result.rows as T[], changes: result.rowCount ?? 0 };
    } finally {
      await client.end();
    }
  }
  const db = new Database(e2eTeamDatabase);
  try {
    const statement = db.prepare(sql);
    if (statement.reader) return { rows: statement.all(...params) as T[], changes: 0 };
    return { rows: [], changes: statement.run(...params).changes };
  } finally {
    db.close();
  }
}

/** Launches the template “web small” as `member` (2 cores) and opens the VM's page; its id. */
export async function launchWebSmall(member: Page, hostname: string): Promise<number> {
  await member.goto('/team/templates');
  const template = member.getByRole('region', { name: 'Template web small' });
  await template.getByLabel('Hostname').fill(hostname);
  await template.getByRole('button', { name: 'Launch' }).click();
  await expect(template.getByText('Step: Done')).toHaveCount(3, { timeout: 30_000 });
  await member.getByRole('link', { name: `Open ${hostname}` }).click();
  await expect(member).toHaveURL(/\/vms\/\d+$/);
  return Number(/\/vms\/(\d+)$/.exec(member.url())?.[1]);
}
