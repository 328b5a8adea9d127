import { describe, expect, it } from 'vitest';
import { createIdempotencyStore } from './vm-create-idempotency';

class Fault extends Error {}

function setup(maxEntries = 10) {
  let clock = 1_000;
  let calls = 0;
  const store = createIdempotencyStore<string>({
    ttlMs: 60_000,
    maxEntries,
    now: () => clock,
    forgetOnError: (error) => error instanceof Fault,
  });
  return {
    store,
    advance: (ms: number) => (clock += ms),
    calls: () => calls,
    create: (result: string) => async () => {
      calls += 1;
      return result;
    },
    fail: (error: Error) => async () => {
      calls += 1;
      throw error;
    },
  };
}

describe('createIdempotencyStore', () => {
  it('returns the first result for a second submit with the same token', async () => {
    const t = setup();
    expect(await t.store.run('acct|tok', t.create('ops-1'))).toBe('ops-1');
    expect(await t.store.run('acct|tok', t.create('ops-2'))).toBe('ops-1');
    expect(t.calls()).toBe(1);
  });

  it('joins a submit that arrives while the first is still running (double click)', async () => {
    const t = setup();
    let release: (value: string) => void = () => {};
    const slow = () => new Promise<string>((resolve) => (release = resolve));
    const first = t.store.run('acct|tok', slow);
    const second = t.store.run('acct|tok', t.create('never'));
    release('ops-1');
    expect(await Promise.all([first, second])).toEqual(['ops-1', 'ops-1']);
    expect(t.calls()).toBe(0);
  });

  it('keeps tokens of different keys apart', async () => {
    const t = setup();
    await t.store.run('a|tok', t.create('a'));
    expect(await t.store.run('b|tok', t.create('b'))).toBe('b');
  });

  it('forgets a token whose creation certainly failed, so it can be retried', async () => {
    const t = setup();
    await expect(t.store.run('k', t.fail(new Fault('bad spec')))).rejects.toThrow('bad spec');
    expect(t.store.peek('k')).toBeUndefined();
    expect(await t.store.run('k', t.create('ops'))).toBe('ops');
  });

  it('keeps an uncertain failure (the VM may exist) and returns it again', async () => {
    const t = setup();
    await expect(t.store.run('k', t.fail(new Error('timeout')))).rejects.toThrow('timeout');
    await expect(t.store.run('k', t.create('ops'))).rejects.toThrow('timeout');
    expect(t.calls()).toBe(1);
  });

  it('expires results after the TTL', async () => {
    const t = setup();
    await t.store.run('k', t.create('old'));
    t.advance(60_000);
    expect(t.store.peek('k')).toBeUndefined();
    expect(await t.store.run('k', t.create('new'))).toBe('new');
  });

  it('drops the oldest entry beyond maxEntries', async () => {
    const t = setup(2);
    await t.store.run('k1', t.create('1'));
    await t.store.run('k2', t.create('2'));
    await t.store.run('k3', t.create('3'));
    expect(t.store.size).toBe(2);
    expect(t.store.peek('k1')).toBeUndefined();
    expect(await t.store.peek('k3')).toBe('3');
  });
});
