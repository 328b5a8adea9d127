import { ms, type SharedDb } from './db';

/**
 * Key → result of one piece of work, in the shared storage, so that a second submit of the same
 * form (double click, a replay to another replica, a reload) returns the first result instead of
 * doing the work twice. The key is claimed with one insert (a unique key: exactly one submit, on
 * any replica, wins); the others wait for its outcome. A failure the caller marks as "certainly
 * nothing was done" (a fault from the API) is returned to whoever waited, then forgotten so the
 * form can be corrected and sent again; any other failure (timeout, network) is kept, because the
 * work may have been done. A claim whose runner died (past its lease) is never run again blindly.
 */
export interface IdempotencyOptions {
  ttlMs: number;
  /** How long a runner may take before its claim counts as abandoned. */
  leaseMs: number;
  /** How long a second submit waits for the first, and how often it looks. */
  waitMs: number;
  pollMs: number;
  now?: () => number;
  /** True when a failure proves nothing was done, so the key may be tried again. */
  forgetOnError?: (error: unknown) => boolean;
  /** What a later submit is told of a failure (never a secret: it is stored). */
  describeError: (error: unknown) => string;
  /** The error a later submit receives (the caller's error type). */
  replayError: (message: string) => Error;
}

export type IdempotencyOutcome<T> =
  { state: 'pending' } | { state: 'done'; result: T } | { state: 'failed'; error: string };

export const ABANDONED_MESSAGE =
  'An earlier submit of this form did not finish (the server handling it stopped); check the list before sending it again.';

const sleep = (wait: number) => new Promise((resolve) => setTimeout(resolve, wait));

export class IdempotencyStore<T> {
  private readonly now: () => number;

  constructor(
    private readonly db: SharedDb,
    private readonly options: IdempotencyOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Runs `create` once per key across every replica; later calls get its outcome. */
  async run(key: string, create: () => Promise<T>): Promise<T> {
    if (await this.claim(key)) return this.runClaimed(key, create);
    const deadline = this.now() + this.options.waitMs;
    for (;;) {
      const outcome = await this.peek(key);
      if (!outcome) {
        // Forgotten between our claim attempt and now (a fault): this submit may run it.
        if (await this.claim(key)) return this.runClaimed(key, create);
        continue;
      }
      if (outcome.state === 'done') return outcome.result;
      if (outcome.state === 'failed') throw this.options.replayError(outcome.error);
      if (this.now() >= deadline) throw this.options.replayError(ABANDONED_MESSAGE);
      await sleep(this.options.pollMs);
    }
  }

  /** The stored outcome for a key, if any (a pending claim past its lease reads as failed). */
  async peek(key: string): Promise<IdempotencyOutcome<T> | null> {
    const row = await this.db
      .selectFrom('idempotency_records')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.now();
    if (row.state === 'done') {
      if (ms(row.expires_at) <= now) return null;
      return { state: 'done', result: JSON.parse(row.result ?? 'null') as T };
    }
    if (row.state === 'failed') {
      if (ms(row.expires_at) <= now) return null;
      return { state: 'failed', error: row.error ?? ABANDONED_MESSAGE };
    }
    if (ms(row.lease_until) <= now) return { state: 'failed', error: ABANDONED_MESSAGE };
    return { state: 'pending' };
  }

  /** Drops expired records (a finished key past its TTL may be used again). */
  async sweep(): Promise<number> {
    const now = this.now();
    const result = await this.db
      .deleteFrom('idempotency_records')
      .where('state', '!=', 'pending')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async claim(key: string): Promise<boolean> {
    const now = this.now();
    // An expired finished record frees its key; a pending one never does (its work may have run).
    await this.db
      .deleteFrom('idempotency_records')
      .where('key', '=', key)
      .where('state', '!=', 'pending')
      .where('expires_at', '<=', now)
      .execute();
    const inserted = await this.db
      .insertInto('idempotency_records')
      .values({
        key,
        state: 'pending',
        result: null,
        error: null,
        lease_until: now + this.options.leaseMs,
        expires_at: now + this.options.ttlMs,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  private async runClaimed(key: string, create: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await create();
    } catch (error) {
      const forget = this.options.forgetOnError?.(error) ?? false;
      const now = this.now();
      await this.db
        .updateTable('idempotency_records')
        .set({
          state: 'failed',
          error: this.options.describeError(error),
          // Forgettable: waiting submits still read it, a new one may run again.
          expires_at: forget ? now : now + this.options.ttlMs,
        })
        .where('key', '=', key)
        .execute();
      throw error;
    }
    await this.db
      .updateTable('idempotency_records')
      .set({ state: 'done', result: JSON.stringify(result) })
      .where('key', '=', key)
      .execute();
    return result;
  }
}
