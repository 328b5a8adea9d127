/**
 * Requests per key (a token, a client address) in a fixed window: at most `limit` calls per
 * `windowMs`, then refused until the window ends. In memory, per process, bounded in size.
 */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** Bound on tracked keys, so a flood of addresses cannot grow memory without limit. */
  maxKeys: number;
  now: () => number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly options: RateLimitOptions;

  constructor(options: Partial<RateLimitOptions> & Pick<RateLimitOptions, 'limit' | 'windowMs'>) {
    this.options = { maxKeys: 10_000, now: () => Date.now(), ...options };
  }

  /** Counts one call for `key` and says whether it may go ahead. */
  take(key: string): RateVerdict {
    const now = this.options.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.options.windowMs) {
      window = { start: now, count: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
      while (this.windows.size > this.options.maxKeys) {
        const oldest = this.windows.keys().next();
        if (oldest.done) break;
        this.windows.delete(oldest.value);
      }
    }
    if (window.count >= this.options.limit) {
      return { allowed: false, retryAfterMs: window.start + this.options.windowMs - now };
    }
    window.count += 1;
    return { allowed: true };
  }
}
