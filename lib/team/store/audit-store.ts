import { sql, type Kysely } from 'kysely';
import {
  chainEntry,
  GENESIS_HASH,
  verifyChain,
  type AuditEntryContent,
  type ChainedAuditEntry,
  type ChainVerdict,
} from '../audit/chain';
import type { TeamDb } from '../db/connect';
import type { AuditTable, TeamDatabase } from '../db/schema';
import { parseOperations, type AuditOperation } from './audit-operations';
import type { StoreClock } from './clock';

export { parseOperations, type AuditOperation };

export interface AuditInput {
  memberId: string | null;
  memberEmail: string | null;
  ip: string | null;
  action: string;
  resource: string | null;
  params: unknown;
  result: 'ok' | 'refused' | 'error' | 'invalid';
  message?: string | null;
  operations?: readonly AuditOperation[];
}

export interface AuditFilters {
  memberId?: string;
  action?: string;
  /** `vm:42`, or a kind alone (`vm`). */
  resource?: string;
  /** ISO timestamps, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
}

function toContent(row: AuditTable): ChainedAuditEntry {
  return {
    workspaceId: row.workspace_id,
    seq: Number(row.seq),
    ts: row.ts,
    memberId: row.member_id,
    memberEmail: row.member_email,
    ip: row.ip,
    action: row.action,
    resource: row.resource,
    params: row.params,
    result: row.result,
    message: row.message,
    operations: row.operations,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Appends one entry under a write lock on the workspace row, so concurrent appends (several
 * requests, several panel instances on PostgreSQL) still form one chain.
 */
export async function appendAudit(
  db: TeamDb,
  dialect: 'sqlite' | 'postgres',
  clock: StoreClock,
  workspaceId: string,
  input: AuditInput,
  macKey: Buffer,
): Promise<ChainedAuditEntry> {
  return withWriteLock(db, dialect, async (trx) => {
    const head = await trx
      .selectFrom('workspaces')
      .select(['audit_head_seq', 'audit_head_hash'])
      .where('id', '=', workspaceId)
      .$if(dialect === 'postgres', (query) => query.forUpdate())
      .executeTakeFirstOrThrow();
    const content: AuditEntryContent = {
      workspaceId,
      seq: Number(head.audit_head_seq) + 1,
      ts: clock.now().toISOString(),
      memberId: input.memberId,
      memberEmail: input.memberEmail,
      ip: input.ip,
      action: input.action,
      resource: input.resource,
      params: JSON.stringify(input.params ?? {}),
      result: input.result,
      message: input.message ?? null,
      operations: JSON.stringify(input.operations ?? []),
    };
    const entry = chainEntry(head.audit_head_hash || GENESIS_HASH, content, macKey);
    await trx
      .insertInto('audit')
      .values({
        workspace_id: entry.workspaceId,
        seq: entry.seq,
        ts: entry.ts,
        member_id: entry.memberId,
        member_email: entry.memberEmail,
        ip: entry.ip,
        action: entry.action,
        resource: entry.resource,
        params: entry.params,
        result: entry.result,
        message: entry.message,
        operations: entry.operations,
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    await trx
      .updateTable('workspaces')
      .set({ audit_head_seq: entry.seq, audit_head_hash: entry.hash })
      .where('id', '=', workspaceId)
      .execute();
    return entry;
  });
}

/**
 * SQLite: `BEGIN IMMEDIATE` takes the write lock before the head is read (a deferred transaction
 * could read the same head in two processes). PostgreSQL: a transaction with `SELECT … FOR UPDATE`.
 */
export async function withWriteLock<T>(
  db: TeamDb,
  dialect: 'sqlite' | 'postgres',
  work: (trx: Kysely<TeamDatabase>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}

export async function listAudit(
  db: TeamDb,
  workspaceId: string,
  filters: AuditFilters = {},
): Promise<ChainedAuditEntry[]> {
  let query = db.selectFrom('audit').selectAll().where('workspace_id', '=', workspaceId);
  if (filters.memberId) query = query.where('member_id', '=', filters.memberId);
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.resource) {
    query = filters.resource.includes(':')
      ? query.where('resource', '=', filters.resource)
      : query.where('resource', 'like', `${filters.resource}:%`);
  }
  if (filters.from) query = query.where('ts', '>=', filters.from);
  if (filters.to) query = query.where('ts', '<=', filters.to);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(filters.limit ?? 500)
    .execute();
  return rows.map(toContent);
}

export async function verifyWorkspaceAudit(
  db: TeamDb,
  workspaceId: string,
  macKey: Buffer,
): Promise<ChainVerdict> {
  const rows = await db
    .selectFrom('audit')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('seq', 'asc')
    .execute();
  const head = await db
    .selectFrom('workspaces')
    .select(['audit_head_seq', 'audit_head_hash', 'audit_legacy_until'])
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return verifyChain(
    rows.map(toContent),
    head ? { seq: Number(head.audit_head_seq), hash: head.audit_head_hash } : undefined,
    { macKey, legacyUntil: Number(head?.audit_legacy_until ?? 0) },
  );
}

/** Operation ids that accepted entries started and that no `operation.final` entry closed yet. */
export async function unsettledOperations(
  db: TeamDb,
  workspaceId: string,
  limit = 200,
): Promise<number[]> {
  const rows = await db
    .selectFrom('audit')
    .select(['action', 'operations', 'result'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  const settled = new Set<number>();
  const started: number[] = [];
  for (const row of rows) {
    const ops = parseOperations(row.operations);
    if (row.action === 'operation.final') for (const op of ops) settled.add(op.id);
    else if (row.result === 'ok') for (const op of ops) started.push(op.id);
  }
  return [...new Set(started.filter((id) => !settled.has(id)))];
}
