import { sql, type Kysely } from 'kysely';
import type { TeamDb } from '@/lib/team/db/connect';
import type { TeamDatabase } from '@/lib/team/db/schema';
import type { WatcherMessage } from './watcher';

/**
 * What the replicas of one deployment share about operation watching (migration 0015): the lease
 * that makes one replica poll an account, the ids every replica's streams watch (the leader polls
 * their union) and the last state published per operation, which the others read when a note tells
 * them something changed. `account` is the watcher's digest of endpoint + key, never the key.
 */
type WatchTables = {
  operation_watch_leases: { account: string; holder: string; lease_until: number | string };
  operation_watch_ids: {
    account: string;
    replica: string;
    op_id: number | string;
    expires_at: number | string;
  };
  operation_watch_state: {
    account: string;
    op_id: number | string;
    running: number;
    message: string;
    updated_at: number | string;
  };
};

/** A note between replicas (NOTIFY payload): small, no key, no operation data. */
export interface WatchNote {
  /** Account digest. */
  a: string;
  /** The replica that sent it. */
  f: string;
  /** c: states changed (ids in o) · w: watched ids changed · l: lease released · n: poll now. */
  k: 'c' | 'w' | 'l' | 'n';
  o?: number[];
}

/** How notes travel: PostgreSQL LISTEN/NOTIFY, or in process (SQLite: one process). */
export interface Notifier {
  publish(note: WatchNote): Promise<void>;
  /** `resync` runs after the listener reconnected (notes may have been missed meanwhile). */
  listen(handler: (note: WatchNote) => void, resync?: () => void): () => void;
  close(): Promise<void>;
}

/** A published message; op id 0 carries an account-wide upstream error. */
export interface BoardEntry {
  opId: number;
  /** For "running" views too (see AccountWatcher.apply). */
  running: boolean;
  message: WatcherMessage;
}

export interface WatchBoardOptions {
  /** A lease and a registration live this long unless renewed. */
  leaseMs: number;
  now?: () => number;
}

/** The "running operations" scope in the watched-ids table. */
export const RUNNING_SCOPE_ID = 0;
/** Ids per note: a NOTIFY payload stays far below PostgreSQL's 8000-byte limit. */
const IDS_PER_NOTE = 200;

export class WatchBoard {
  private readonly db: Kysely<TeamDatabase & WatchTables>;
  private readonly now: () => number;
  /** Per account, this replica's previous link still giving it up (see `afterLeaving`). */
  private readonly leaving = new Map<string, Promise<void>>();

  constructor(
    db: TeamDb,
    readonly notifier: Notifier,
    readonly replica: string,
    private readonly options: WatchBoardOptions,
  ) {
    this.db = db.withTables<WatchTables>();
    this.now = options.now ?? Date.now;
  }

  get leaseMs(): number {
    return this.options.leaseMs;
  }

  /** Takes or renews the account's lease; true when this replica holds it now. */
  async tryLead(account: string): Promise<boolean> {
    const now = this.now();
    const row = await this.db
      .insertInto('operation_watch_leases')
      .values({ account, holder: this.replica, lease_until: now + this.options.leaseMs })
      .onConflict((oc) =>
        oc
          .column('account')
          .doUpdateSet({ holder: this.replica, lease_until: now + this.options.leaseMs })
          .where((eb) =>
            eb.or([
              eb('operation_watch_leases.holder', '=', this.replica),
              eb('operation_watch_leases.lease_until', '<=', now),
            ]),
          ),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === this.replica;
  }

  async release(account: string): Promise<void> {
    await this.db
      .deleteFrom('operation_watch_leases')
      .where('account', '=', account)
      .where('holder', '=', this.replica)
      .execute();
  }

  /** Replaces what this replica watches for the account (ids; RUNNING_SCOPE_ID for "running"). */
  async setWatched(account: string, ids: readonly number[]): Promise<void> {
    const expires = this.now() + this.options.leaseMs;
    await this.db.transaction().execute(async (trx) => {
      let stale = trx
        .deleteFrom('operation_watch_ids')
        .where('account', '=', account)
        .where('replica', '=', this.replica);
      if (ids.length > 0) stale = stale.where('op_id', 'not in', [...ids]);
      await stale.execute();
      if (ids.length === 0) return;
      await trx
        .insertInto('operation_watch_ids')
        .values(
          ids.map((id) => ({ account, replica: this.replica, op_id: id, expires_at: expires })),
        )
        .onConflict((oc) =>
          oc.columns(['account', 'replica', 'op_id']).doUpdateSet({ expires_at: expires }),
        )
        .execute();
    });
  }

  /** What the other live replicas watch for the account (the leader polls it too). */
  async watchedElsewhere(account: string): Promise<{ ids: number[]; running: boolean }> {
    const rows = await this.db
      .selectFrom('operation_watch_ids')
      .select('op_id')
      .distinct()
      .where('account', '=', account)
      .where('replica', '!=', this.replica)
      .where('expires_at', '>', this.now())
      .execute();
    const all = rows.map((row) => Number(row.op_id));
    return { ids: all.filter((id) => id !== RUNNING_SCOPE_ID), running: all.includes(0) };
  }

  /** Stores what changed and tells the other replicas. */
  async publish(account: string, entries: readonly BoardEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const updated = this.now();
    const rows = entries.map((entry) => ({
      account,
      op_id: entry.opId,
      running: entry.running ? 1 : 0,
      message: JSON.stringify(entry.message),
      updated_at: updated,
    }));
    await this.db
      .insertInto('operation_watch_state')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['account', 'op_id']).doUpdateSet((eb) => ({
          running: eb.ref('excluded.running'),
          message: eb.ref('excluded.message'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    const ids = entries.map((entry) => entry.opId);
    for (let start = 0; start < ids.length; start += IDS_PER_NOTE) {
      await this.note(account, 'c', ids.slice(start, start + IDS_PER_NOTE));
    }
  }

  /** Published states: of `ids`, or (`'running'`) every one a "running" view wants. */
  async read(account: string, ids: readonly number[] | 'running'): Promise<BoardEntry[]> {
    if (ids !== 'running' && ids.length === 0) return [];
    let query = this.db
      .selectFrom('operation_watch_state')
      .select(['op_id', 'running', 'message'])
      .where('account', '=', account);
    query =
      ids === 'running'
        ? query.where('running', '=', 1).where('op_id', '!=', RUNNING_SCOPE_ID)
        : query.where('op_id', 'in', [...ids]);
    const rows = await query.execute();
    return rows.map((row) => ({
      opId: Number(row.op_id),
      running: row.running === 1,
      message: JSON.parse(row.message) as WatcherMessage,
    }));
  }

  async note(account: string, kind: WatchNote['k'], ids?: number[]): Promise<void> {
    await this.notifier.publish({
      a: account,
      f: this.replica,
      k: kind,
      ...(ids ? { o: ids } : {}),
    });
  }

  /**
   * Remembers a link of this replica giving the account up until it is done: rows are per replica, so a
   * link that starts meanwhile (a tab opened as the last one closed) must wait for it, or the late
   * leave deletes the new link's registration and lease.
   */
  trackLeaving(account: string, leave: Promise<void>): Promise<void> {
    this.leaving.set(account, leave);
    void leave.finally(() => {
      if (this.leaving.get(account) === leave) this.leaving.delete(account);
    });
    return leave;
  }

  /** Resolves once this replica's previous link of the account has given it up. */
  afterLeaving(account: string): Promise<void> {
    return this.leaving.get(account) ?? Promise.resolve();
  }

  /** Forgets this replica's interest in the account (and its lease), e.g. its last tab left. */
  async leave(account: string): Promise<void> {
    await this.db
      .deleteFrom('operation_watch_ids')
      .where('account', '=', account)
      .where('replica', '=', this.replica)
      .execute();
    await this.release(account);
  }

  /** Drops expired registrations and states nobody updated for `keepMs`. */
  async sweep(keepMs: number): Promise<void> {
    const now = this.now();
    await this.db.deleteFrom('operation_watch_ids').where('expires_at', '<=', now).execute();
    await this.db
      .deleteFrom('operation_watch_state')
      .where('updated_at', '<', now - keepMs)
      .execute();
    await this.db.deleteFrom('operation_watch_leases').where('lease_until', '<=', now).execute();
  }
}

/** Notes within one process (SQLite: one process; tests: replicas sharing a process). */
export class LocalNotifier implements Notifier {
  private readonly handlers = new Set<(note: WatchNote) => void>();

  async publish(note: WatchNote): Promise<void> {
    const copy = JSON.stringify(note);
    for (const handler of [...this.handlers]) queueMicrotask(() => handler(JSON.parse(copy)));
  }

  listen(handler: (note: WatchNote) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

/** `select pg_notify(...)` through the pool (the LISTEN side is pg-notifier.ts). */
export function pgNotify(db: TeamDb, channel: string, note: WatchNote): Promise<unknown> {
  return sql`select pg_notify(${channel}, ${JSON.stringify(note)})`.execute(db);
}
