import { describe, expect, it } from 'vitest';
import { clientAddress, describeWait, SignInThrottle } from './sign-in-throttle';

function throttleWithClock(options: Partial<ConstructorParameters<typeof SignInThrottle>[0]> = {}) {
  let now = 1_000_000;
  const throttle = new SignInThrottle({
    freeFailures: 3,
    baseDelayMs: 2_000,
    maxDelayMs: 60_000,
    forgetAfterMs: 15 * 60_000,
    now: () => now,
    ...options,
  });
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe('SignInThrottle', () => {
  it('allows the free failures, then locks out for exponentially growing delays', () => {
    const { throttle, advance } = throttleWithClock();
    expect([1, 2, 3].map(() => throttle.recordFailure('a'))).toEqual([0, 0, 0]);
    expect(throttle.check('a')).toEqual({ allowed: true });
    expect(throttle.recordFailure('a')).toBe(2_000);
    expect(throttle.check('a')).toEqual({ allowed: false, retryAfterMs: 2_000 });
    advance(1_500);
    expect(throttle.check('a')).toEqual({ allowed: false, retryAfterMs: 500 });
    advance(500);
    expect(throttle.check('a')).toEqual({ allowed: true });
    expect(throttle.recordFailure('a')).toBe(4_000);
    advance(4_000);
    expect(throttle.recordFailure('a')).toBe(8_000);
  });

  it('caps the delay', () => {
    const { throttle, advance } = throttleWithClock({ maxDelayMs: 10_000 });
    const delays: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const delay = throttle.recordFailure('a');
      delays.push(delay);
      advance(delay);
    }
    expect(delays).toEqual([0, 0, 0, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000, 10_000]);
  });

  it('keeps clients apart', () => {
    const { throttle } = throttleWithClock({ freeFailures: 0 });
    throttle.recordFailure('a');
    expect(throttle.check('a').allowed).toBe(false);
    expect(throttle.check('b').allowed).toBe(true);
  });

  it('forgets a client after a success', () => {
    const { throttle, advance } = throttleWithClock();
    for (let i = 0; i < 4; i += 1) throttle.recordFailure('a');
    advance(2_000);
    throttle.recordSuccess('a');
    expect(throttle.recordFailure('a')).toBe(0);
  });

  it('forgets a client after a quiet period', () => {
    const { throttle, advance } = throttleWithClock({ forgetAfterMs: 60_000 });
    for (let i = 0; i < 4; i += 1) throttle.recordFailure('a');
    advance(61_000);
    expect(throttle.check('a')).toEqual({ allowed: true });
    expect(throttle.size).toBe(0);
    expect(throttle.recordFailure('a')).toBe(0);
  });

  it('bounds memory by evicting the least recently failing client', () => {
    const { throttle } = throttleWithClock({ maxClients: 3, freeFailures: 0 });
    for (const client of ['a', 'b', 'c', 'd']) throttle.recordFailure(client);
    expect(throttle.size).toBe(3);
    expect(throttle.check('a').allowed).toBe(true);
    expect(throttle.check('d').allowed).toBe(false);
  });
});

describe('clientAddress', () => {
  it('takes the first forwarded hop, then x-real-ip', () => {
    expect(clientAddress('203.0.113.9, 10.0.0.1', null)).toBe('203.0.113.9');
    expect(clientAddress(null, ' 198.51.100.2 ')).toBe('198.51.100.2');
    expect(clientAddress(null, null)).toBe('unknown');
  });
});

describe('describeWait', () => {
  it('says seconds, then minutes', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(2_000)).toBe('2 seconds');
    expect(describeWait(89_000)).toBe('89 seconds');
    expect(describeWait(5 * 60_000)).toBe('5 minutes');
  });
});
