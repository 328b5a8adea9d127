import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows `limit` calls per window per key, then says how long to wait', () => {
    let now = 1_000;
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000, now: () => now });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('b')).toEqual({ allowed: true });
    now += 4_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 6_000 });
    now += 6_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
  });

  it('forgets the oldest keys past its bound', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    // 'a' was evicted: a fresh window.
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('c')).toMatchObject({ allowed: false });
  });
});
