import { randomUUID } from 'node:crypto';
import { ms, type SharedDb } from '@/lib/shared-state/db';

/**
 * Durable jobs in the shared storage, a small design that works the same on SQLite and
 * PostgreSQL (pg-boss and graphile-worker are PostgreSQL-only, and the default deployment is one
 * process on SQLite). A job is claimed by one compare-and-set UPDATE that takes its lease; the
 * runner extends the lease while it works, so a replica that dies (SIGKILL, crash) simply stops
 * extending it and any replica claims the job again once it expires. A job's handler is written
 * to be re-run: `checkpoint` carries what it recorded, and a step that may have run is checked
 * upstream before it is repeated.
 */
export interface Job {
  id: string;
  kind: string;
  payload: unknown;
  checkpoint: unknown;
  attempts: number;
}

/** A kind of job: its body, and what of its payload the row keeps once it ended. */
export interface JobKind {
  run: (job: Job, ctx: import('./job-runner').JobContext) => Promise<void>;
  /** The payload stored when the job ends (drops what only running needed, e.g. a sealed key). */
  ended?: (payload: unknown) => unknown;
}

export interface JobQueueOptions {
  leaseMs: number;
  now?: () => number;
}

export class JobQueue {
  private readonly now: () => number;

  constructor(
    private readonly db: SharedDb,
    private readonly options: JobQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Adds a job (once per `dedupeKey`); returns its id, or the existing job's. */
  async enqueue(kind: string, payload: unknown, dedupeKey?: string): Promise<string> {
    const now = this.now();
    const id = randomUUID();
    await this.db
      .insertInto('jobs')
      .values({
        id,
        kind,
        dedupe_key: dedupeKey ?? null,
        payload: JSON.stringify(payload),
        checkpoint: null,
        state: 'queued',
        attempts: 0,
        lease_owner: null,
        lease_until: 0,
        run_after: now,
        error: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
    if (!dedupeKey) return id;
    const row = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Takes the oldest claimable job for `owner` (its lease expired or never taken), if any. */
  async claim(owner: string, kinds: readonly string[]): Promise<Job | null> {
    if (kinds.length === 0) return null;
    const now = this.now();
    for (let tries = 0; tries < 3; tries += 1) {
      const candidate = await this.db
        .selectFrom('jobs')
        .select('id')
        .where('state', '=', 'queued')
        .where('kind', 'in', [...kinds])
        .where('run_after', '<=', now)
        .where('lease_until', '<=', now)
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return null;
      // The lease condition is checked again by the UPDATE itself: of two replicas racing for
      // one job, one updates a row and the other none.
      const claimed = await this.db
        .updateTable('jobs')
        .set((eb) => ({
          lease_owner: owner,
          lease_until: now + this.options.leaseMs,
          attempts: eb('attempts', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', candidate.id)
        .where('state', '=', 'queued')
        .where('lease_until', '<=', now)
        .returningAll()
        .executeTakeFirst();
      if (claimed) {
        return {
          id: claimed.id,
          kind: claimed.kind,
          payload: JSON.parse(claimed.payload) as unknown,
          checkpoint:
            claimed.checkpoint === null ? null : (JSON.parse(claimed.checkpoint) as unknown),
          attempts: claimed.attempts,
        };
      }
    }
    return null;
  }

  /** Extends the lease (false: it is not ours any more, stop working on it). */
  async heartbeat(id: string, owner: string): Promise<boolean> {
    const now = this.now();
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_until: now + this.options.leaseMs, updated_at: now })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records progress, so that a replica taking the job over knows what was done. */
  async checkpoint(id: string, owner: string, checkpoint: unknown): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ checkpoint: JSON.stringify(checkpoint), updated_at: this.now() })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** `payload`: what the row keeps from now on (unchanged when absent). */
  async complete(id: string, owner: string, payload?: unknown): Promise<void> {
    await this.finish(id, owner, 'done', null, payload);
  }

  async fail(id: string, owner: string, error: string, payload?: unknown): Promise<void> {
    await this.finish(id, owner, 'failed', error, payload);
  }

  /** Gives the job back at once (a draining replica), for another replica to claim. */
  async release(id: string, owner: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ lease_owner: null, lease_until: 0, updated_at: this.now() })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', '=', 'queued')
      .execute();
  }

  /** Jobs not finished, and those claimed right now (for /metrics). */
  async depth(): Promise<{ queued: number; running: number }> {
    const now = this.now();
    const rows = await this.db
      .selectFrom('jobs')
      .select(['lease_until'])
      .where('state', '=', 'queued')
      .execute();
    const running = rows.filter((row) => ms(row.lease_until) > now).length;
    return { queued: rows.length - running, running };
  }

  async get(id: string) {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private async finish(
    id: string,
    owner: string,
    state: 'done' | 'failed',
    error: string | null,
    payload: unknown,
  ) {
    await this.db
      .updateTable('jobs')
      .set({
        state,
        error,
        lease_owner: null,
        lease_until: 0,
        updated_at: this.now(),
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }
}
