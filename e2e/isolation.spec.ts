import { createAccount, expect, signIn, simControl, test, waitingMigration } from './fixtures';

test('two accounts in two browser contexts never see each other’s resources', async ({
  browser,
}) => {
  const alice = await createAccount();
  const bob = await createAccount();
  await simControl('vms', { apiKey: alice.apiKey, count: 3 });
  await simControl('vms', { apiKey: bob.apiKey, count: 5, datacenterId: 1 });
  const { vmIds: bobExtra } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey: bob.apiKey,
    count: 1,
    datacenterId: 1,
  });
  const bobOp = await waitingMigration(bob.apiKey, bobExtra[0] as number);

  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  const alicePage = await aliceContext.newPage();
  const bobPage = await bobContext.newPage();
  await signIn(alicePage, alice.apiKey);
  await signIn(bobPage, bob.apiKey);

  await expect(alicePage.getByTestId('account-handle')).toHaveText(alice.handle);
  await expect(bobPage.getByTestId('account-handle')).toHaveText(bob.handle);
  await expect(alicePage.getByRole('region', { name: 'Servers' })).toContainText('3 in total');
  await expect(bobPage.getByRole('region', { name: 'Servers' })).toContainText('6 in total');

  // Bob's running migration is on Bob's operations page only.
  await bobPage.goto('/operations');
  await expect(bobPage.getByRole('listitem', { name: `Migrate server ${bobOp}` })).toBeVisible();
  await alicePage.goto('/operations');
  await expect(
    alicePage.getByRole('region', { name: 'Running now' }).getByText('Nothing is running'),
  ).toBeVisible();
  await expect(alicePage.getByText(`#${bobOp}`)).toHaveCount(0);

  // Asking for Bob's operation by id from Alice's session: the stream says it does not exist.
  const events = await alicePage.evaluate(
    (id) =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const source = new EventSource(`/api/operations/stream?ids=${id}`);
        const finish = () => {
          source.close();
          resolve(seen);
        };
        source.addEventListener('operation', (event) =>
          seen.push(`operation:${(event as MessageEvent).data}`),
        );
        source.addEventListener('missing', () => seen.push('missing'));
        source.addEventListener('settled', finish);
        setTimeout(finish, 5_000);
      }),
    bobOp,
  );
  expect(events).toEqual(['missing']);

  await aliceContext.close();
  await bobContext.close();
});
