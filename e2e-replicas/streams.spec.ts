/**
 * @file One operation watcher per account across two replicas: 20 streams on each replica cost
 * the upstream what one stream costs (counted by the simulator), every stream on both replicas
 * receives the events, and a session past its stream limit is told so on the page.
 */
import {
  expect,
  signInWithoutStreams,
  simControl,
  simVm,
  test,
  waitingMigration,
} from '../e2e/fixtures';
import http from 'node:http';
import { Client } from 'pg';
import { e2eReplicas } from '../playwright.replicas.config';

/** How long each measurement keeps its streams open (the watcher polls at 150 ms at best). */
const WINDOW_MS = 4_000;
const FR_SD2 = 1;

interface Stream {
  /** Operation ids this stream has received an event for. */
  seen: Set<number>;
  /** The stream holds a slot of its session (the panel said `: connected`, not `refused`). */
  connected: boolean;
  refused: string | null;
  /** What it got, in order (shown when a test fails). */
  log: string[];
  close: () => void;
}

/**
 * One SSE stream as a tab opens it, on a connection of its own (as a browser's EventSource): no
 * client-side connection reuse, so what the replicas count is exactly the streams opened here.
 */
function openStream(base: string, cookie: string, ids: number[]): Stream {
  const opened = Date.now();
  const request = http.get(`${base}/api/operations/stream?ids=${ids.join(',')}`, {
    headers: { cookie, accept: 'text/event-stream' },
    agent: false,
  });
  const stream: Stream = {
    seen: new Set(),
    connected: false,
    refused: null,
    log: [],
    close: () => request.destroy(),
  };
  const note = (what: string) => stream.log.push(`${Date.now() - opened} ms ${what}`);
  request.on('error', (err) => note(`ended: ${String(err)}`)); // closed by the test, or not
  request.on('response', (response) => {
    note(`status ${response.statusCode}`);
    response.on('error', (err) => note(`ended: ${String(err)}`));
    response.setEncoding('utf8');
    let buffer = '';
    response.on('data', (chunk: string) => {
      buffer += chunk;
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '{}';
        note(block.replace(/\n/g, ' | ').slice(0, 120));
        if (/^event: operation$/m.test(block))
          stream.seen.add((JSON.parse(data) as { id: number }).id);
        if (/^: connected$/m.test(block)) stream.connected = true;
        if (/^event: refused$/m.test(block))
          stream.refused = (JSON.parse(data) as { message: string }).message;
      }
    });
  });
  return stream;
}

/** Waits until every stream has had an event for every id; else says what the others got. */
async function untilEverySees(streams: Stream[], ids: number[]): Promise<void> {
  const missing = () => streams.filter((s) => !ids.every((id) => s.seen.has(id)));
  await expect
    .poll(() => missing().length)
    .toBe(0)
    .catch((err: Error) => {
      const detail = missing().map((s) => `- ${JSON.stringify(s.log)}`);
      throw new Error(
        `${missing().length} of ${streams.length} streams lack events:\n${detail.join('\n')}\n${err.message}`,
      );
    });
}

/**
 * Waits until every stream holds a slot of its session; else says what the others got, and which
 * sessions (by digest) hold slots on the replicas.
 */
async function untilEveryConnects(streams: Stream[]): Promise<void> {
  const waiting = () => streams.filter((s) => !s.connected);
  await expect
    .poll(() => waiting().length)
    .toBe(0)
    .catch(async (err: Error) => {
      const detail = waiting().map((s) => `- ${JSON.stringify(s.log)}`);
      throw new Error(
        `${waiting().length} of ${streams.length} streams hold no slot:\n${detail.join('\n')}\n` +
          `slots held per session: ${JSON.stringify(await slotsPerSession())}\n${err.message}`,
      );
    });
}

async function slotsPerSession(): Promise<unknown[]> {
  const db = new Client({ connectionString: e2eReplicas.databaseUrl });
  await db.connect();
  try {
    const held = await db.query(
      'select owner, count(*)::int as slots from stream_slots group by owner order by owner',
    );
    return held.rows as unknown[];
  } finally {
    await db.end();
  }
}

async function operationCalls(apiKey: string): Promise<number> {
  const { calls } = await simControl<{ calls: Record<string, number> }>('calls', { apiKey });
  return Object.entries(calls)
    .filter(([method]) => method.startsWith('operation.'))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** Upstream operation.* calls while `perReplica[i]` streams are open on replica i. */
async function callsWhileStreaming(
  apiKey: string,
  /** The session each replica's streams use. */
  cookies: string[],
  ids: number[],
  perReplica: number[],
): Promise<number> {
  const before = await operationCalls(apiKey);
  const opened = Date.now();
  const streams = perReplica.flatMap((count, i) =>
    Array.from({ length: count }, () => openStream(e2eReplicas.replicaUrls[i]!, cookies[i]!, ids)),
  );
  // Every stream, on either replica, gets every watched operation.
  await untilEverySees(streams, ids);
  await new Promise((resolve) => setTimeout(resolve, opened + WINDOW_MS - Date.now()));
  const made = (await operationCalls(apiKey)) - before;
  streams.forEach((stream) => stream.close());
  return made;
}

/**
 * Waits until the account's watcher has stopped: no `operation.*` call for longer than its
 * longest wait while something runs (2 s). Counted per account, so other tests' streams (other
 * accounts) cannot hold it up or hide it.
 */
async function untilWatcherStops(apiKey: string): Promise<void> {
  let last = await operationCalls(apiKey);
  await expect
    .poll(
      async () => {
        const now = await operationCalls(apiKey);
        const quiet = now === last;
        last = now;
        return quiet;
      },
      { intervals: [2_500], timeout: 30_000 },
    )
    .toBe(true);
}

test('20 streams on each replica cost the upstream what one stream costs', async ({
  page,
  account,
}) => {
  // Five operations that stay running (migrations waiting for their finalize).
  const ids: number[] = [];
  for (let i = 0; i < 5; i += 1)
    ids.push(await waitingMigration(account.apiKey, await simVm(account.apiKey, FR_SD2)));
  // Sessions of the account, with no stream of their own (only the test's count): a session may
  // hold 24 streams across replicas, not 40; the third one tries the limit at the end.
  const cookies: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    await page.context().clearCookies();
    cookies.push(await signInWithoutStreams(page, account.apiKey));
  }
  await page.close();

  const one = await callsWhileStreaming(account.apiKey, cookies, ids, [1, 0]);
  // That stream's watcher has stopped (and released its lease) before the next count.
  await untilWatcherStops(account.apiKey);
  const many = await callsWhileStreaming(account.apiKey, cookies, ids, [20, 20]);
  console.log(`operation.* calls in ${WINDOW_MS} ms: 1 stream ${one}, 40 streams ${many}`);
  expect(one).toBeGreaterThan(0);
  expect(many).toBeLessThanOrEqual(one * 1.2);

  // A session's stream limit holds across replicas: 24 open on one, the next on the other is
  // refused. The third session is fresh: whatever other sessions hold does not count against it.
  const held = Array.from({ length: 24 }, () =>
    openStream(e2eReplicas.replicaUrls[0]!, cookies[2]!, ids),
  );
  await untilEveryConnects(held);
  const extra = openStream(e2eReplicas.replicaUrls[1]!, cookies[2]!, ids);
  await expect.poll(() => extra.refused).toContain('Too many live views are open for this session');
  held.forEach((stream) => stream.close());
});

test('streams closed behind the balancer give their slots back at once', async ({
  page,
  account,
}) => {
  const ids = [await waitingMigration(account.apiKey, await simVm(account.apiKey, FR_SD2))];
  const cookie = await signInWithoutStreams(page, account.apiKey);
  await page.close();
  // A session's whole allowance, through HAProxy as browsers reach the panel, then closed, as
  // tabs reloading do: the next ones must not be refused while the replica has not noticed.
  const first = Array.from({ length: 24 }, () => openStream(e2eReplicas.lbUrl, cookie, ids));
  await untilEverySees(first, ids);
  first.forEach((stream) => stream.close());
  const again = Array.from({ length: 24 }, () => openStream(e2eReplicas.lbUrl, cookie, ids));
  await untilEverySees(again, ids);
  again.forEach((stream) => stream.close());
});
