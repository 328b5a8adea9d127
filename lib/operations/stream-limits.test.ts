import { describe, expect, it } from 'vitest';
import type { GandiConnection } from '@/lib/gandi';
import {
  MAX_STREAMS_PER_SESSION,
  MAX_WATCHED_IDS_PER_ACCOUNT,
  StreamCounter,
  TOO_MANY_IDS,
  watchRefusal,
} from './stream-limits';
import { RECONNECT_MS, refusedStream } from './sse';
import { AccountWatcher, DEFAULT_TIMINGS } from './watcher';

const idle = () => () => undefined;
const conn: GandiConnection = { endpoint: 'http://127.0.0.1:9/xmlrpc/', apiKey: 'k'.repeat(24) };
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('stream limits', () => {
  it('refuses a session its stream past the limit, and counts a closed one out (once)', () => {
    const counter = new StreamCounter();
    const releases = range(0, MAX_STREAMS_PER_SESSION).map(() => counter.acquire('session-a'));
    expect(releases.every(Boolean)).toBe(true);
    expect(counter.acquire('session-a')).toBeNull();
    // Another session is not affected.
    expect(counter.acquire('session-b')).not.toBeNull();
    releases[0]!();
    releases[0]!(); // a second close does not free a second slot
    expect(counter.countOf('session-a')).toBe(MAX_STREAMS_PER_SESSION - 1);
    expect(counter.acquire('session-a')).not.toBeNull();
    expect(counter.acquire('session-a')).toBeNull();
  });

  it('refuses ids past the per-account limit, counting what other tabs already watch', () => {
    const watcher = new AccountWatcher(conn, {
      operationList: async () => [],
      schedule: idle,
      timings: DEFAULT_TIMINGS,
    });
    const tabs = MAX_WATCHED_IDS_PER_ACCOUNT / 100;
    for (let tab = 0; tab < tabs; tab += 1)
      watcher.subscribe({ ids: range(tab * 100 + 1, 100) }, () => undefined);
    expect(watcher.watchedIdCount()).toBe(MAX_WATCHED_IDS_PER_ACCOUNT);
    // Ids already watched cost nothing; one new id is one too many.
    expect(watchRefusal(watcher, { ids: range(1, 100) })).toBeNull();
    expect(watchRefusal(watcher, { ids: [1, 100_000] })).toBe(TOO_MANY_IDS);
    expect(watchRefusal(watcher, { running: true })).toBeNull();
    expect(watchRefusal(undefined, { ids: range(1, 100) })).toBeNull();
  });
});

describe('refused stream', () => {
  it('says why in an event the panel shows, then ends', async () => {
    const text = await new Response(refusedStream(TOO_MANY_IDS)).text();
    expect(text).toBe(
      `retry: ${RECONNECT_MS}\nevent: refused\ndata: ${JSON.stringify({ message: TOO_MANY_IDS })}\n\n`,
    );
  });
});
