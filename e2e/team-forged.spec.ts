/**
 * @file Attacks forged in the real browser: a member submits a real form of the panel and the
 * server-action POST is rewritten on its way (`page.route`), as someone with DevTools would —
 * another member's system disk as the source of a VM creation sent for approval, a resize above
 * the approval policy's core count, a Stop of someone else's VM. The page shows the refusal or
 * the hold, and the simulator (asked directly) is unchanged.
 */
import type { Page, Route } from '@playwright/test';
import { expect, simRpc, simVm, simVmState, test, vmCount } from './fixtures';
import { launchWebSmall, setQuota, teamWithOperator } from './team-workspace';
import { openWizardAtReview } from './wizard-steps';

test.describe.configure({ mode: 'serial' });

/**
 * Rewrites the next server-action POST whose body `matches` (once), and answers whether it was
 * rewritten. Server actions post multipart bodies: a field is `name="…"` then its value.
 */
async function forgeNextAction(
  page: Page,
  matches: (body: string) => boolean,
  rewrite: (body: string) => string,
): Promise<() => boolean> {
  let forged = false;
  const handler = async (route: Route) => {
    const request = route.request();
    const body = request.postData() ?? '';
    if (forged || request.method() !== 'POST' || !request.headers()['next-action']) {
      return route.fallback();
    }
    if (!matches(body)) return route.fallback();
    const postData = rewrite(body);
    expect(postData, 'the forgery changed the body').not.toBe(body);
    forged = true;
    await route.continue({ postData });
  };
  await page.route('**/*', handler);
  return () => forged;
}

/** A form field's part in a server action's multipart body (Next prefixes it: `_1_cores`). */
const fieldPart = (field: string) => new RegExp(`(name="(?:_?\\d+_)?${field}"\\r\\n\\r\\n)[^\\r]*`);
const hasField = (body: string, field: string) => fieldPart(field).test(body);

/** The body with one form field's value replaced. */
function withField(body: string, field: string, value: string | number): string {
  return body.replace(fieldPart(field), (_match, head: string) => `${head}${value}`);
}

/** The VM's cores and memory, straight from the simulator. */
async function simSize(apiKey: string, vmId: number): Promise<{ cores: number; memory: number }> {
  const xml = await simRpc('hosting.vm.info', apiKey, vmId);
  const int = (name: string) =>
    Number(new RegExp(`<name>${name}</name>\\s*<value>\\s*<int>(\\d+)<`).exec(xml)?.[1]);
  return { cores: int('cores'), memory: int('memory') };
}

/** The first disk of a VM (its system disk), straight from the simulator. */
async function systemDiskOf(apiKey: string, vmId: number): Promise<number> {
  const xml = await simRpc('hosting.vm.info', apiKey, vmId);
  const disks = xml.slice(xml.indexOf('<name>disks</name>'));
  return Number(/<name>id<\/name>\s*<value>\s*<int>(\d+)</.exec(disks)?.[1]);
}

test('an operator cannot forge another member’s disk, a bigger resize or someone else’s Stop', async ({
  page: owner,
  browser,
}) => {
  test.setTimeout(150_000);
  const { account, operator, operatorEmail } = await teamWithOperator(owner, browser, 'forge', {
    template: true,
  });
  // The owner's VM (made behind the panel: nobody's in the workspace, so not the operator's).
  const ownerVmId = await simVm(account.apiKey);
  const ownerDiskId = await systemDiskOf(account.apiKey, ownerVmId);
  expect(ownerDiskId).toBeGreaterThan(0);

  // The operator's own VM, launched from the template (2 cores, 2048 MB).
  const ownVmId = await launchWebSmall(operator, 'forger-own');
  const vmsBefore = await vmCount(account.apiKey);

  await test.step('a Stop rewritten to the owner’s VM is refused; both VMs keep running', async () => {
    const forged = await forgeNextAction(
      operator,
      (body) => body.includes(`\r\n\r\n${ownVmId}\r\n`) && !hasField(body, 'memory'),
      (body) => body.replaceAll(`\r\n\r\n${ownVmId}\r\n`, `\r\n\r\n${ownerVmId}\r\n`),
    );
    await operator.getByRole('button', { name: 'Stop', exact: true }).click();
    await operator.getByRole('dialog').getByRole('button', { name: 'Stop the VM' }).click();
    await expect(
      operator.getByRole('alert').filter({ hasText: 'Your role (Operator) does not allow this.' }),
    ).toBeVisible();
    expect(forged()).toBe(true);
    expect(await simVmState(account.apiKey, ownerVmId)).toBe('running');
    expect(await simVmState(account.apiKey, ownVmId)).toBe('running');
    await operator.unrouteAll({ behavior: 'wait' });
  });

  await test.step('a resize rewritten above the policy’s cores is held, not sent', async () => {
    await owner.goto('/team/quotas');
    const policy = owner.getByRole('form', { name: 'Approval policy' });
    await policy.getByLabel('Approval needed above this many cores').fill('3');
    await policy.getByRole('button', { name: 'Save policy' }).click();
    await expect(policy.getByText('Saved.')).toBeVisible();

    await operator.goto(`/vms/${ownVmId}`);
    const forged = await forgeNextAction(
      operator,
      (body) => hasField(body, 'vm_id') && hasField(body, 'cores') && hasField(body, 'memory'),
      (body) => withField(body, 'cores', 6),
    );
    // The form sends 3 cores (within the policy); the wire says 6.
    await operator.getByRole('spinbutton', { name: 'Cores' }).fill('3');
    await operator.getByRole('button', { name: /^Apply/ }).click();
    await expect(operator.getByText(/Needs approval — /).first()).toBeVisible();
    expect(forged()).toBe(true);
    expect(await simSize(account.apiKey, ownVmId)).toEqual({ cores: 2, memory: 2048 });
    await operator.unrouteAll({ behavior: 'wait' });
  });

  await test.step('a creation sent for approval with the owner’s system disk is refused', async () => {
    await setQuota(owner, operatorEmail, { VMs: '1' });
    await openWizardAtReview(operator, 'exfil');
    await operator.getByRole('button', { name: 'Create VM' }).click();
    await expect(operator.getByRole('alert').first()).toContainText('Over quota — VMs');
    // The request for approval carries the wizard's hidden fields: its source becomes the
    // owner's system disk, as the attack in issue 13 did.
    const forged = await forgeNextAction(
      operator,
      (body) => hasField(body, 'src_disk_id') && hasField(body, 'request_note'),
      (body) => withField(body, 'src_disk_id', ownerDiskId),
    );
    await operator.getByRole('button', { name: 'Ask for approval' }).click();
    await expect(
      operator.getByRole('alert').filter({ hasText: `Disk #${ownerDiskId}: not yours to use.` }),
    ).toBeVisible();
    expect(forged()).toBe(true);
    await expect(operator.getByText('Sent for approval.')).toHaveCount(0);
    // Nothing was filed for the owner to approve, and nothing was created.
    await owner.goto('/team/approvals');
    await expect(owner.getByRole('region', { name: /Create VM exfil/ })).toHaveCount(0);
    expect(await vmCount(account.apiKey)).toBe(vmsBefore);
  });
});
