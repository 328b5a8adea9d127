import { describe, expect, it } from 'vitest';
import { createReferenceCache } from './reference-cache';

const alice = { endpoint: 'http://127.0.0.1:1/xmlrpc/', apiKey: 'alice-key-000000000000001' };
const bob = { endpoint: alice.endpoint, apiKey: 'bob-key-00000000000000002' };

function counter() {
  let calls = 0;
  return {
    load: (value: string) => () => {
      calls += 1;
      return Promise.resolve(value);
    },
    get calls() {
      return calls;
    },
  };
}

describe('reference cache', () => {
  it('answers from memory within the TTL, calls again after it', async () => {
    let now = 1_000;
    const cache = createReferenceCache({ now: () => now });
    const upstream = counter();
    expect(await cache.read(alice, 'datacenters', 60_000, upstream.load('first'))).toBe('first');
    now += 59_999;
    expect(await cache.read(alice, 'datacenters', 60_000, upstream.load('second'))).toBe('first');
    expect(upstream.calls).toBe(1);
    now += 2;
    expect(await cache.read(alice, 'datacenters', 60_000, upstream.load('third'))).toBe('third');
    expect(upstream.calls).toBe(2);
  });

  it('never serves one API key what was read with another', async () => {
    const cache = createReferenceCache();
    await cache.read(alice, 'images:all', 60_000, () => Promise.resolve(['alice private image']));
    const seen = await cache.read(bob, 'images:all', 60_000, () => Promise.resolve(['public']));
    expect(seen).toEqual(['public']);
    // Another endpoint with the same key is another account too.
    const ote = { ...alice, endpoint: 'https://rpc.ote.gandi.net/xmlrpc/' };
    expect(await cache.read(ote, 'images:all', 60_000, () => Promise.resolve(['ote']))).toEqual([
      'ote',
    ]);
  });

  it('keeps no failure: the next read calls upstream again', async () => {
    const cache = createReferenceCache();
    await expect(
      cache.read(alice, 'datacenters', 60_000, () => Promise.reject(new Error('refused'))),
    ).rejects.toThrow('refused');
    expect(cache.size()).toBe(0);
    expect(await cache.read(alice, 'datacenters', 60_000, () => Promise.resolve('ok'))).toBe('ok');
  });

  it('shares one call between identical reads in flight', async () => {
    const cache = createReferenceCache();
    let release: (value: string) => void = () => undefined;
    let calls = 0;
    const load = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = cache.read(alice, 'datacenters', 60_000, load);
    const second = cache.read(alice, 'datacenters', 60_000, load);
    release('shared');
    expect(await Promise.all([first, second])).toEqual(['shared', 'shared']);
    expect(calls).toBe(1);
  });

  it('holds at most maxEntries, dropping the oldest (a flood of keys cannot grow it)', async () => {
    const cache = createReferenceCache({ maxEntries: 3 });
    for (let n = 0; n < 10; n++)
      await cache.read({ ...alice, apiKey: `key-${n}` }, 'datacenters', 60_000, () =>
        Promise.resolve(n),
      );
    expect(cache.size()).toBe(3);
    const upstream = counter();
    await cache.read({ ...alice, apiKey: 'key-0' }, 'datacenters', 60_000, upstream.load('again'));
    expect(upstream.calls).toBe(1);
  });
});
