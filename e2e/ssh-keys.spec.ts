/**
 * @file SSH keys end to end: a bad key is refused with a message on the field, a good one shows
 * its MD5 fingerprint before submit and is added, it is offered and used by the creation wizard,
 * then deleted after a confirmation.
 */
import { expect, recordBodies, test } from './fixtures';
import { openWizardAtSize } from './wizard-steps';

/** Made once with `ssh-keygen -t ed25519`; `ssh-keygen -l -E md5` prints this fingerprint. */
const KEY_LINE =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC214ofNV5cNj3/xO/lux3WZ1Yb/pDowmkl/rp0aYvDz e2e@laptop';
const FINGERPRINT = '47:43:eb:2e:9b:3b:00:c2:2e:68:e8:65:27:be:93:11';
/** The same body under another declared type: base64 decodes, but the embedded type differs. */
const MISLABELLED = KEY_LINE.replace(/^ssh-ed25519/, 'ssh-rsa');

test('add a key (bad ones refused), use it in the wizard, delete it', async ({
  signedInPage: page,
  account,
}) => {
  const recorder = await recordBodies(page);
  await page.getByRole('navigation').getByRole('link', { name: 'SSH keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SSH keys' })).toBeVisible();
  await expect(page.getByText('No SSH keys yet')).toBeVisible();

  const value = page.getByLabel('Public key');
  const add = page.getByRole('button', { name: 'Add key' });

  // Bad keys: each refused on the field, in words, before anything is sent.
  await value.fill('ssh-ed25519 not*base64');
  await expect(page.getByText(/not valid base64/)).toBeVisible();
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(add).toBeDisabled();
  await value.fill(MISLABELLED);
  await expect(
    page.getByText('The line says ssh-rsa but the key inside is ssh-ed25519.'),
  ).toBeVisible();
  await value.fill('-----BEGIN OPENSSH PRIVATE KEY-----');
  await expect(page.getByText(/This is a PRIVATE key/)).toBeVisible();

  // The server checks again: with the browser's check bypassed, the post is refused with the
  // message (the field shows the same words from the browser's own check, so the proof is the
  // server's answer). Playwright fetches that answer itself and hands it on: the browser may drop
  // a response body once the page moves on, so it is not read back from the browser.
  await value.fill(MISLABELLED);
  let answer: (refused: { status: number; body: string }) => void = () => undefined;
  const refusal = new Promise<{ status: number; body: string }>((resolve) => (answer = resolve));
  await page.route('**/ssh-keys', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    answer({ status: response.status(), body: await response.text() });
    await route.fulfill({ response });
  });
  await add.evaluate((button) => button.removeAttribute('disabled'));
  await add.click();
  const refused = await refusal;
  await page.unroute('**/ssh-keys');
  expect(refused.status).toBe(200);
  expect(refused.body).toContain('The line says ssh-rsa but the key inside is ssh-ed25519.');
  await expect(
    page.getByText('The line says ssh-rsa but the key inside is ssh-ed25519.'),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText('No SSH keys yet')).toBeVisible();

  await value.fill(KEY_LINE);
  await expect(page.getByTestId('ssh-key-fingerprint')).toHaveText(FINGERPRINT);
  await expect(page.getByText('ssh-ed25519 (256 bits)')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('e2e@laptop');
  await page.getByLabel('Name').fill('laptop');
  await add.click();
  await expect(page.getByRole('status').filter({ hasText: 'Key “laptop” added' })).toBeVisible();
  const row = page.getByRole('row', { name: /laptop/ });
  await expect(row).toContainText(FINGERPRINT);

  // The same key again: refused on the field, naming the existing copy.
  await value.fill(KEY_LINE);
  await page.getByLabel('Name').fill('laptop-again');
  await add.click();
  await expect(page.getByText('This key is already saved as "laptop".')).toBeVisible();

  // The wizard offers it; a VM is created with it and no password.
  await openWizardAtSize(page);
  const next = page.getByRole('button', { name: 'Next', exact: true });
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 4 of 6: Network' })).toBeVisible();
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 5 of 6: Access' })).toBeVisible();
  await page.getByLabel('Hostname').fill('keyed');
  const keyChoice = page.getByRole('checkbox', { name: /laptop/ });
  await expect(keyChoice).toBeVisible();
  await expect(page.getByText(FINGERPRINT)).toBeVisible();
  await keyChoice.check();
  await next.click();
  await expect(page.getByRole('heading', { name: 'Step 6 of 6: Review' })).toBeVisible();
  await expect(page.locator('pre')).toContainText('"keys": [');
  await page.getByRole('button', { name: 'Create VM' }).click();
  const ops = page
    .getByRole('region', { name: 'Creation operations' })
    .locator('li[data-operation-id]');
  await expect(ops).toHaveCount(3);
  for (const op of await ops.all())
    await expect(op).toContainText('Step: Done', { timeout: 30_000 });

  // Delete, after a confirmation.
  await page.goto('/ssh-keys');
  await page
    .getByRole('row', { name: /laptop/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Delete the key “laptop”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete key' }).click();
  await expect(page.getByText('No SSH keys yet')).toBeVisible();

  await recorder.expectNoSecret(account.apiKey);
});
