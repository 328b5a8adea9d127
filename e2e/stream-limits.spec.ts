import { expect, signInWithoutStreams, test } from './fixtures';

const STREAMS_PER_SESSION = 24;

/**
 * A session holding as many live streams as it may (lib/operations/stream-limits.ts) opens one more
 * page: its live view is refused, and the page says why instead of retrying forever.
 */
test('a session past its stream limit is told so on the page', async ({
  page,
  account,
  baseURL,
}) => {
  // The session starts with no stream of its own: the dashboard's live views, closed on leaving,
  // would give their slots back only once the panel notices, and the count below must be exact.
  const cookie = await signInWithoutStreams(page, account.apiKey);
  const held = new AbortController();
  try {
    const streams = await Promise.all(
      Array.from({ length: STREAMS_PER_SESSION }, async () => {
        const response = await fetch(`${baseURL}/api/operations/stream?scope=running`, {
          headers: { cookie },
          signal: held.signal,
        });
        const reader = response.body!.getReader();
        return new TextDecoder().decode((await reader.read()).value);
      }),
    );
    expect(streams.filter((first) => !first.includes(': connected'))).toEqual([]);
    await page.goto('/operations');
    await expect(
      page.getByRole('region', { name: 'Running now' }).getByTestId('stream-refused'),
    ).toHaveText(
      `Live updates refused: Too many live views are open for this session (at most ${STREAMS_PER_SESSION}). Close some tabs, then reload this page.`,
    );
  } finally {
    held.abort();
  }
});
