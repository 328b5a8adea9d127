/**
 * Slows down repeated failed sign-ins from one client: the first few failures are free, then each
 * further failure locks that client out for twice as long as the previous one (capped). A success
 * clears the client's record; records expire after a quiet period. In-memory, per server process.
 */

export interface ThrottleOptions {
  /** Failures allowed before any lockout. */
  freeFailures: number;
  /** Lockout after the first failure beyond the free ones, in ms; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A client with no failure for this long starts afresh. */
  forgetAfterMs: number;
  /** Bound on tracked clients, so a flood of addresses cannot grow memory without limit. */
  maxClients: number;
  now: () => number;
}

export const DEFAULT_THROTTLE_OPTIONS: ThrottleOptions = {
  freeFailures: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
  maxClients: 10_000,
  now: () => Date.now(),
};

interface ClientRecord {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export class SignInThrottle {
  private readonly clients = new Map<string, ClientRecord>();
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...DEFAULT_THROTTLE_OPTIONS, ...options };
  }

  /** Whether `client` may try now. */
  check(client: string): ThrottleVerdict {
    const record = this.current(client);
    const now = this.options.now();
    if (record && record.lockedUntil > now) {
      return { allowed: false, retryAfterMs: record.lockedUntil - now };
    }
    return { allowed: true };
  }

  /** Records a failed attempt; returns the lockout it caused (0 while failures are still free). */
  recordFailure(client: string): number {
    const now = this.options.now();
    const record = this.current(client) ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
    record.failures += 1;
    record.lastFailureAt = now;
    const beyond = record.failures - this.options.freeFailures;
    const delay =
      beyond <= 0
        ? 0
        : Math.min(this.options.baseDelayMs * 2 ** (beyond - 1), this.options.maxDelayMs);
    record.lockedUntil = now + delay;
    // Re-insert so the Map's order is least-recently-failed first (eviction order).
    this.clients.delete(client);
    this.clients.set(client, record);
    this.evictOverflow();
    return delay;
  }

  recordSuccess(client: string): void {
    this.clients.delete(client);
  }

  /** Number of tracked clients (for tests). */
  get size(): number {
    return this.clients.size;
  }

  private current(client: string): ClientRecord | undefined {
    const record = this.clients.get(client);
    if (!record) return undefined;
    const now = this.options.now();
    if (now - record.lastFailureAt > this.options.forgetAfterMs && record.lockedUntil <= now) {
      this.clients.delete(client);
      return undefined;
    }
    return record;
  }

  private evictOverflow(): void {
    while (this.clients.size > this.options.maxClients) {
      const oldest = this.clients.keys().next();
      if (oldest.done) return;
      this.clients.delete(oldest.value);
    }
  }
}

/**
 * The client's address as the nearest proxy reported it. Next.js fills `x-forwarded-for` with the
 * socket address only when the request has none, so behind no proxy a client can choose its own
 * value: the throttle then slows naive scripts, not a determined attacker (a reverse proxy that sets
 * the header is the deployment's job).
 */
export function clientAddress(forwardedFor: string | null, realIp: string | null): string {
  const first = forwardedFor?.split(',')[0]?.trim();
  return first || realIp?.trim() || 'unknown';
}

/** "12 seconds" / "3 minutes" for the lockout message. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/** The process-wide throttle used by the sign-in action (kept across hot reloads in dev). */
const globalForThrottle = globalThis as typeof globalThis & { __signInThrottle?: SignInThrottle };
export const signInThrottle = (globalForThrottle.__signInThrottle ??= new SignInThrottle());
