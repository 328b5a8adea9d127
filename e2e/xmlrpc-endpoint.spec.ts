/**
 * @file Gandi's tools through the portal: a member creates a personal access token on
 * /team/tokens, Python's xmlrpc.client (as gandi.cli connects) calls the panel's own /xmlrpc/ and
 * /xmlrpc with it — no redirect, the answers Gandi gives, never the key — and a revoked token
 * gets Gandi's "Invalid API key" fault.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createAccount, expect, simControl, test } from './fixtures';
import { createWorkspace } from './team-workspace';

const run = promisify(execFile);
const CALLS = path.join(__dirname, '..', 'lib', 'gateway', 'testing', 'xmlrpc_calls.py');

async function python(url: string, calls: unknown[]) {
  const child = run('python3', [CALLS, url], { timeout: 30_000 });
  child.child.stdin?.end(JSON.stringify(calls));
  const { stdout } = await child;
  return JSON.parse(stdout) as { results: Record<string, unknown>[]; bodies: string[] };
}

test('a member’s token drives the XML-RPC endpoint until it is revoked', async ({
  page,
  baseURL,
}) => {
  const account = await createAccount();
  await simControl('vms', { apiKey: account.apiKey, count: 1 });
  await createWorkspace(page, account.apiKey, 'tools-owner@example.test');

  await page.goto('/team/tokens');
  await page.getByLabel('Name').fill('laptop');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByRole('textbox', { name: 'New access token' }).inputValue();
  expect(token).toMatch(/^[a-z0-9]{24}$/);
  await page.reload();
  // Listed by name with its last use; the token itself is never shown again.
  await expect(page.getByRole('cell', { name: 'laptop', exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(token);

  for (const url of [`${baseURL}/xmlrpc/`, `${baseURL}/xmlrpc`]) {
    const direct = await fetch(url, { method: 'POST', redirect: 'manual', body: '<methodCall>' });
    expect(direct.status).toBe(200);
    expect(await direct.text()).toContain('<int>-32700</int>');
    const { results, bodies } = await python(url, [
      { token, method: 'version.info' },
      { token, method: 'hosting.vm.list' },
    ]);
    expect(results[0]).toEqual({ value: { api_version: '3.3.37' } });
    expect((results[1]!.value as unknown[]).length).toBe(1);
    for (const body of bodies) expect(body).not.toContain(account.apiKey);
  }
  expect((await fetch(`${baseURL}/xmlrpc/`)).status).toBe(405);

  await page.getByRole('button', { name: 'Revoke laptop' }).click();
  await expect(page.getByRole('cell', { name: 'laptop', exact: true })).toBeHidden();
  const { results } = await python(`${baseURL}/xmlrpc/`, [{ token, method: 'version.info' }]);
  expect(results[0]).toEqual({
    fault: {
      code: 510150,
      string: 'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]',
    },
  });
});
