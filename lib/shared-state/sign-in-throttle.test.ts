import { describe, expect, it } from 'vitest';
import { freshTestDb } from '@/lib/team/testing/fresh-db';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { withSharedTables } from './db';
import {
  addressKey,
  describeWait,
  SignInThrottle,
  targetKey,
  type ThrottleOptions,
} from './sign-in-throttle';

describe.each(TEST_BACKENDS)('shared sign-in throttle on %s', (backend) => {
  const openDb = freshTestDb(backend);

  async function setup(options: Partial<ThrottleOptions> = {}) {
    const opened = await openDb();
    let now = 1_000_000;
    const make = () =>
      new SignInThrottle(withSharedTables(opened.db), {
        freeFailures: 3,
        baseDelayMs: 2_000,
        maxDelayMs: 60_000,
        forgetAfterMs: 15 * 60_000,
        now: () => now,
        ...options,
      });
    return { throttle: make(), make, advance: (ms: number) => (now += ms) };
  }

  const A = addressKey('203.0.113.9');

  it('allows the free failures, then locks out for exponentially growing, capped delays', async () => {
    const { throttle, advance } = await setup({ maxDelayMs: 10_000 });
    const delays: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const delay = await throttle.recordFailure([A]);
      delays.push(delay);
      if (i === 3) {
        expect(await throttle.check([A])).toEqual({ allowed: false, retryAfterMs: 2_000 });
        advance(1_500);
        expect(await throttle.check([A])).toEqual({ allowed: false, retryAfterMs: 500 });
        advance(500);
        expect(await throttle.check([A])).toEqual({ allowed: true });
      } else advance(delay);
    }
    expect(delays).toEqual([0, 0, 0, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it('counts one failure under both the address and the target; the longest lockout wins', async () => {
    const { throttle } = await setup({ freeFailures: 1 });
    const target = targetKey('api-key', 'guessed0000000000000000');
    await throttle.recordFailure([A, target]);
    expect(await throttle.failures(A)).toBe(1);
    expect(await throttle.failures(target)).toBe(1);
    // Another address on the same target is locked by the target's counter.
    expect(await throttle.recordFailure([addressKey('198.51.100.1'), target])).toBe(2_000);
    expect((await throttle.check([addressKey('198.51.100.7'), target])).allowed).toBe(false);
    expect((await throttle.check([addressKey('198.51.100.7')])).allowed).toBe(true);
  });

  it('a success clears its own target only, never the address (no wipe with one’s own key)', async () => {
    const { throttle } = await setup();
    const guessed = targetKey('api-key', 'victimkey000000000000000');
    const own = targetKey('api-key', 'attackerkey0000000000000');
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure([A, guessed]);
    await throttle.recordFailure([A, own]);
    await throttle.recordSuccess(own);
    expect(await throttle.failures(A)).toBe(5);
    expect(await throttle.failures(guessed)).toBe(4);
    expect(await throttle.failures(own)).toBe(0);
    expect((await throttle.check([A, own])).allowed).toBe(false);
  });

  it('two replicas (two throttles on one database) share one count, also when racing', async () => {
    const { make } = await setup({ freeFailures: 100 });
    const [one, two] = [make(), make()];
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).recordFailure([A])));
    expect(await one.failures(A)).toBe(10);
    expect(await two.failures(A)).toBe(10);
  });

  it('forgets a quiet key (fresh count) and sweeps it', async () => {
    const { throttle, advance } = await setup({ forgetAfterMs: 60_000 });
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure([A]);
    advance(61_000);
    expect(await throttle.check([A])).toEqual({ allowed: true });
    expect(await throttle.recordFailure([A])).toBe(0);
    expect(await throttle.failures(A)).toBe(1);
    advance(61_000);
    expect(await throttle.sweep()).toBe(1);
    expect(await throttle.failures(A)).toBe(0);
  });
});

describe('targetKey', () => {
  it('never stores the credential and groups a key by its prefix, an email by its normal form', () => {
    const key = targetKey('api-key', 'abcdefgh0000000000000001');
    expect(key).not.toContain('abcdefgh');
    expect(targetKey('api-key', 'abcdefgh9999999999999999')).toBe(key);
    expect(targetKey('team-email', ' Op@Example.test')).toBe(
      targetKey('team-email', 'op@example.test'),
    );
    expect(targetKey('team-email', 'abcdefgh')).not.toBe(targetKey('api-key', 'abcdefgh'));
  });
});

describe('describeWait', () => {
  it('says seconds, then minutes', () => {
    expect(describeWait(1_000)).toBe('1 second');
    expect(describeWait(12_000)).toBe('12 seconds');
    expect(describeWait(5 * 60_000)).toBe('5 minutes');
  });
});
