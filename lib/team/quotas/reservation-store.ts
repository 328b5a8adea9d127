import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { TeamDb } from '../db/connect';
import type { TeamDatabase } from '../db/schema';
import type { ResourceRef } from '../permission';
import { withWriteLock } from '../store/audit-store';
import { QUOTA_KEYS, type QuotaDelta } from './quota-model';

/** Table of migration 0008 (typed here, beside its only user). */
interface ReservationTable {
  id: string;
  workspace_id: string;
  member_id: string;
  delta: string;
  operation_ids: string;
  created_refs: string;
  created_at: string;
  settled_at: string | null;
}

export interface Reservation {
  id: string;
  memberId: string;
  delta: QuotaDelta;
  operationIds: number[];
  /** What the call created (excluded from live usage while the reservation counts it). */
  createdRefs: ResourceRef[];
  createdAt: string;
}

/** A call that never answered (the process stopped mid-call) stops holding quota after this. */
export const UNANSWERED_RESERVATION_MS = 15 * 60 * 1000;
/** Operations that never end (stuck upstream) stop holding quota after this. */
export const MAX_RESERVATION_MS = 6 * 60 * 60 * 1000;
/** Settled rows are kept this long, for checks whose live reads started before they settled. */
const SETTLED_KEEP_MS = 10 * 60 * 1000;
/*
 * Settled rows are compared with a check's start by the clocks of the processes that wrote them
 * (SQLite: one machine, one clock; PostgreSQL replicas: NTP keeps them within milliseconds).
 */

const parse = <T>(raw: string, fallback: T): T => {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
};

function toReservation(row: ReservationTable): Reservation {
  const raw = parse<Record<string, unknown>>(row.delta, {});
  const delta: QuotaDelta = {};
  for (const key of QUOTA_KEYS) {
    const value = Number(raw[key]);
    if (Number.isFinite(value)) delta[key] = value;
  }
  return {
    id: row.id,
    memberId: row.member_id,
    delta,
    operationIds: parse<unknown[]>(row.operation_ids, []).filter(Number.isSafeInteger) as number[],
    createdRefs: parse<ResourceRef[]>(row.created_refs, []),
    createdAt: row.created_at,
  };
}

/**
 * Quota reservations. `reserve` checks and records in one locked transaction per workspace
 * (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: a transaction-scoped advisory lock on the workspace), so
 * that N concurrent requests see each other's reservations and can never pass the limit together.
 */
export class ReservationStore {
  constructor(
    private readonly db: TeamDb,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly now: () => Date = () => new Date(),
  ) {}

  private static table(db: Kysely<TeamDatabase>) {
    return db.withTables<{ quota_reservations: ReservationTable }>();
  }

  async active(workspaceId: string): Promise<Reservation[]> {
    const rows = await ReservationStore.table(this.db)
      .selectFrom('quota_reservations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('settled_at', 'is', null)
      .execute();
    return rows.map(toReservation);
  }

  /** What this store settled last: a check starting after it must not count it again. */
  private lastSettled = 0;

  /** The instant a check's live reads start (pass it to `reserve`): after anything it settled. */
  clock(): string {
    return new Date(Math.max(this.now().getTime(), this.lastSettled + 1)).toISOString();
  }

  /**
   * Under the workspace's lock: reads the reservations, asks `check` whether `delta` fits beside
   * them, and records it when it does. Returns the lines `check` gave when it does not.
   *
   * `liveSince`: when the caller's live reads began. A reservation that settled after that still
   * counts — its object may have appeared only after those reads — so a check never misses a
   * creation between its reads and its lock (the double count is brief and errs on the safe side).
   */
  async reserve(
    workspaceId: string,
    memberId: string,
    delta: QuotaDelta,
    liveSince: string,
    check: (pending: Reservation[]) => string[],
  ): Promise<{ ok: true; id: string } | { ok: false; lines: string[] }> {
    const since = liveSince;
    return withWriteLock(this.db, this.dialect, async (trx) => {
      if (this.dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtext(${`quota:${workspaceId}`}))`.execute(trx);
      }
      const rows = await ReservationStore.table(trx)
        .selectFrom('quota_reservations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where((eb) => eb.or([eb('settled_at', 'is', null), eb('settled_at', '>=', since)]))
        .execute();
      const lines = check(rows.map(toReservation));
      if (lines.length > 0) return { ok: false as const, lines };
      const id = randomUUID();
      await ReservationStore.table(trx)
        .insertInto('quota_reservations')
        .values({
          id,
          workspace_id: workspaceId,
          member_id: memberId,
          delta: JSON.stringify(delta),
          operation_ids: '[]',
          created_refs: '[]',
          created_at: this.now().toISOString(),
          settled_at: null,
        })
        .execute();
      return { ok: true as const, id };
    });
  }

  /** The call answered: its operations (followed until they end) and what it creates. */
  async answered(id: string, operationIds: number[], createdRefs: ResourceRef[]): Promise<void> {
    await ReservationStore.table(this.db)
      .updateTable('quota_reservations')
      .set({
        operation_ids: JSON.stringify(operationIds),
        created_refs: JSON.stringify(createdRefs),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Stops counting it (kept a while for checks already under way, then removed). */
  async release(id: string): Promise<void> {
    const at = this.now();
    this.lastSettled = Math.max(this.lastSettled, at.getTime());
    await ReservationStore.table(this.db)
      .updateTable('quota_reservations')
      .set({ settled_at: at.toISOString() })
      .where('id', '=', id)
      .where('settled_at', 'is', null)
      .execute();
  }

  /**
   * Ends the reservations whose operations all ended (DONE: the resource counts live now; ERROR
   * or CANCEL: nothing was made) and those of calls that never answered. `stepOf` reads an
   * operation's step (null when unknown).
   */
  async settle(
    workspaceId: string,
    stepOf: (operationId: number) => Promise<string | null>,
  ): Promise<void> {
    await ReservationStore.table(this.db)
      .deleteFrom('quota_reservations')
      .where('workspace_id', '=', workspaceId)
      .where('settled_at', '<', new Date(this.now().getTime() - SETTLED_KEEP_MS).toISOString())
      .execute();
    const cutoff = this.now().getTime() - UNANSWERED_RESERVATION_MS;
    const oldest = this.now().getTime() - MAX_RESERVATION_MS;
    for (const reservation of await this.active(workspaceId)) {
      if (Date.parse(reservation.createdAt) < oldest) {
        await this.release(reservation.id);
        continue;
      }
      if (reservation.operationIds.length === 0) {
        if (Date.parse(reservation.createdAt) < cutoff) await this.release(reservation.id);
        continue;
      }
      const steps = await Promise.all(reservation.operationIds.map(stepOf));
      if (steps.every((step) => step === 'DONE' || step === 'ERROR' || step === 'CANCEL')) {
        await this.release(reservation.id);
      }
    }
  }
}
