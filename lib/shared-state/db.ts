import type { Kysely } from 'kysely';
import type { TeamDatabase } from '@/lib/team/db/schema';

/**
 * The tables every replica shares (migration 0010 and later), in the same database as the team
 * storage: one storage for personal and team mode alike (SQLite by default, PostgreSQL with
 * DATABASE_URL). Times are epoch milliseconds; PostgreSQL returns `bigint` as a string, so read
 * them through `ms()`.
 */
export type SharedTables = {
  sign_in_failures: {
    key: string;
    failures: number;
    last_failure_at: number | string;
    locked_until: number | string;
  };
  idempotency_records: {
    key: string;
    state: 'pending' | 'done' | 'failed';
    result: string | null;
    error: string | null;
    lease_until: number | string;
    expires_at: number | string;
  };
  personal_sessions: {
    id: string;
    account: string;
    created_at: number | string;
    expires_at: number | string;
    revoked_at: number | string | null;
  };
  stream_slots: {
    owner: string;
    slot: number;
    holder: string;
    expires_at: number | string;
  };
  jobs: {
    id: string;
    kind: string;
    dedupe_key: string | null;
    payload: string;
    checkpoint: string | null;
    state: 'queued' | 'done' | 'failed';
    attempts: number;
    lease_owner: string | null;
    lease_until: number | string;
    run_after: number | string;
    error: string | null;
    created_at: number | string;
    updated_at: number | string;
  };
};

export type SharedDb = Kysely<TeamDatabase & SharedTables>;

/** Widens the team storage's handle to the shared tables (same connection, same migrations). */
export function withSharedTables(db: Kysely<TeamDatabase>): SharedDb {
  return db.withTables<SharedTables>();
}

export function ms(value: number | string): number {
  return typeof value === 'number' ? value : Number(value);
}
