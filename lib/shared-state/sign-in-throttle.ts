import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { ms, type SharedDb } from './db';

/**
 * Slows down repeated failed sign-ins, in the shared storage so that every replica counts the same
 * failures. Each attempt is counted under two keys: the client's address and the target (the API
 * key's prefix, the team email): the first few failures are free, then each further failure locks
 * the key out for twice as long as the previous one (capped). A success clears only its own
 * target — never the address, so signing in with one's own key does not wipe a record of guessing
 * other keys. A key with no failure for `forgetAfterMs` starts afresh.
 */
export interface ThrottleOptions {
  /** Failures allowed before any lockout. */
  freeFailures: number;
  /** Lockout after the first failure beyond the free ones, in ms; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  now: () => number;
}

export const DEFAULT_THROTTLE_OPTIONS: ThrottleOptions = {
  freeFailures: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
  now: () => Date.now(),
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The counter key of a client address. */
export function addressKey(address: string): string {
  return `address:${address}`;
}

/**
 * The counter key of a credential's target, hashed so that the table never holds an email or any
 * part of a key in clear. An API key counts by its first 8 characters: guesses around one key
 * land on one counter, while the stored digest is too short a preimage to help recover a key.
 */
export function targetKey(kind: 'api-key' | 'team-email', value: string): string {
  const material = kind === 'api-key' ? value.slice(0, 8) : value.trim().toLowerCase();
  return `target:${createHash('sha256').update(`${kind}\n${material}`).digest('hex').slice(0, 32)}`;
}

export class SignInThrottle {
  private readonly options: ThrottleOptions;

  constructor(
    private readonly db: SharedDb,
    options: Partial<ThrottleOptions> = {},
  ) {
    this.options = { ...DEFAULT_THROTTLE_OPTIONS, ...options };
  }

  /** Whether an attempt counted under all of `keys` may run now (the longest lockout wins). */
  async check(keys: readonly string[]): Promise<ThrottleVerdict> {
    const now = this.options.now();
    const rows = await this.db
      .selectFrom('sign_in_failures')
      .select(['locked_until'])
      .where('key', 'in', [...keys])
      .execute();
    const until = Math.max(0, ...rows.map((row) => ms(row.locked_until)));
    return until > now ? { allowed: false, retryAfterMs: until - now } : { allowed: true };
  }

  /**
   * Counts a failure under every key (one atomic upsert each, so replicas racing on one key never
   * lose a count); returns the longest lockout it caused (0 while failures are still free).
   */
  async recordFailure(keys: readonly string[]): Promise<number> {
    const now = this.options.now();
    const staleBefore = now - this.options.forgetAfterMs;
    let longest = 0;
    for (const key of keys) {
      const row = await this.db
        .insertInto('sign_in_failures')
        .values({ key, failures: 1, last_failure_at: now, locked_until: 0 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            // A key quiet for long enough (and not locked) starts afresh.
            failures: sql<number>`case when sign_in_failures.last_failure_at < ${staleBefore} and sign_in_failures.locked_until <= ${now} then 1 else sign_in_failures.failures + 1 end`,
            last_failure_at: now,
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      const delay = this.delayAfter(row.failures);
      if (delay > 0) {
        await this.db
          .updateTable('sign_in_failures')
          .set({ locked_until: now + delay })
          .where('key', '=', key)
          .where('locked_until', '<', now + delay)
          .execute();
      }
      longest = Math.max(longest, delay);
    }
    return longest;
  }

  /** A success proves only its own credential: it clears that target, nothing else. */
  async recordSuccess(target: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('key', '=', target).execute();
  }

  /** Drops records nobody will read again (called now and then, not on every attempt). */
  async sweep(): Promise<number> {
    const now = this.options.now();
    const result = await this.db
      .deleteFrom('sign_in_failures')
      .where('last_failure_at', '<', now - this.options.forgetAfterMs)
      .where('locked_until', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Failures counted under a key (for tests and the lockout message). */
  async failures(key: string): Promise<number> {
    const row = await this.db
      .selectFrom('sign_in_failures')
      .select('failures')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.failures ?? 0;
  }

  private delayAfter(failures: number): number {
    const beyond = failures - this.options.freeFailures;
    if (beyond <= 0) return 0;
    return Math.min(this.options.baseDelayMs * 2 ** (beyond - 1), this.options.maxDelayMs);
  }
}

/** "12 seconds" / "3 minutes" for the lockout message. */
export function describeWait(wait: number): string {
  const seconds = Math.ceil(wait / 1000);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
