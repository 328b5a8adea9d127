import 'server-only';
import { randomUUID } from 'node:crypto';
import type { TeamDb } from '../db/connect';
import { getTeamDb } from '../db';
import {
  APPROVAL_STATES,
  transition,
  type ApprovalEvent,
  type ApprovalRequest,
  type ApprovalState,
} from './approval-machine';
import {
  NO_ACTOR,
  requestedAuditEntry,
  transitionAuditEntry,
  type ApprovalActor,
} from './approval-audit';
import type { AuditInput } from '../store/audit-store';
import type { GateCall } from '../gate/gate-types';

/** Appends to the workspace's audit chain (`TeamStore.appendAudit`). */
export type ApprovalAuditSink = (workspaceId: string, input: AuditInput) => Promise<unknown>;

interface ApprovalTable {
  id: string;
  workspace_id: string;
  requested_by: string;
  requester_email: string;
  action: string;
  params: string;
  /** The call it will make (`{ method, args }`, JSON); null for requests filed before 0007. */
  call: string | null;
  why: string;
  state: string;
  decided_by: string | null;
  reason: string | null;
  operation_ids: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoredApproval extends ApprovalRequest {
  requesterEmail: string;
  action: string;
  params: unknown;
  /** The call it will make, as filed (decided again by the gate when it runs). */
  call: GateCall | null;
  /** Why it needs approval (the quota lines). */
  why: string;
  createdAt: string;
  updatedAt: string;
}

function toApproval(row: ApprovalTable): StoredApproval {
  let params: unknown = null;
  let operationIds: number[] = [];
  try {
    params = JSON.parse(row.params);
    const ids: unknown = JSON.parse(row.operation_ids);
    if (Array.isArray(ids))
      operationIds = ids.filter((id): id is number => Number.isSafeInteger(id));
  } catch {
    // A damaged row shows without params; executing it fails validation.
  }
  const state = (APPROVAL_STATES as readonly string[]).includes(row.state)
    ? (row.state as ApprovalState)
    : 'failed';
  return {
    id: row.id,
    requestedBy: row.requested_by,
    requesterEmail: row.requester_email,
    action: row.action,
    params,
    call: parseCall(row.call),
    why: row.why,
    state,
    decidedBy: row.decided_by,
    reason: row.reason,
    operationIds,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseCall(raw: string | null): GateCall | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object') return null;
    const { method, args } = value as { method?: unknown; args?: unknown };
    return typeof method === 'string' && Array.isArray(args) ? { method, args } : null;
  } catch {
    return null;
  }
}

/** States still to act on: decided by an admin, or followed while the portal runs them. */
const OPEN_STATES = ['pending', 'approved', 'executing'];
export const LIST_LIMIT = 200;

export class ApprovalStore {
  constructor(
    private readonly db: TeamDb,
    private readonly now: () => Date = () => new Date(),
    private readonly audit: ApprovalAuditSink | null = null,
  ) {}

  private table() {
    return this.db.withTables<{ approval_requests: ApprovalTable }>();
  }

  async create(
    workspaceId: string,
    input: {
      requestedBy: string;
      requesterEmail: string;
      action: string;
      params: unknown;
      /** The call the request will make (see `lib/team/gate`). */
      call?: GateCall | null;
      why: string;
    },
    actor: ApprovalActor = NO_ACTOR,
  ): Promise<string> {
    const id = randomUUID();
    const at = this.now().toISOString();
    await this.table()
      .insertInto('approval_requests')
      .values({
        id,
        workspace_id: workspaceId,
        requested_by: input.requestedBy,
        requester_email: input.requesterEmail,
        action: input.action,
        params: JSON.stringify(input.params),
        call: input.call ? JSON.stringify(input.call) : null,
        why: input.why,
        state: 'pending',
        decided_by: null,
        reason: null,
        operation_ids: '[]',
        error: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await this.audit?.(workspaceId, requestedAuditEntry({ id, ...input }, actor));
    return id;
  }

  /**
   * What waits for a decision (or is running) first, oldest first as a queue; then the rest,
   * newest first, up to `limit` in all (a long history does not push pending requests out).
   */
  async list(
    workspaceId: string,
    requestedBy?: string,
    limit = LIST_LIMIT,
  ): Promise<StoredApproval[]> {
    let query = this.table()
      .selectFrom('approval_requests')
      .selectAll()
      .where('workspace_id', '=', workspaceId);
    if (requestedBy) query = query.where('requested_by', '=', requestedBy);
    const open = await query
      .where('state', 'in', OPEN_STATES)
      .orderBy('created_at', 'asc')
      .limit(limit)
      .execute();
    const closed =
      open.length < limit
        ? await query
            .where('state', 'not in', OPEN_STATES)
            .orderBy('created_at', 'desc')
            .limit(limit - open.length)
            .execute()
        : [];
    return [...open, ...closed].map(toApproval);
  }

  /** How many requests wait for a decision (of one requester, or all). */
  async countPending(workspaceId: string, requestedBy?: string): Promise<number> {
    let query = this.table()
      .selectFrom('approval_requests')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('state', '=', 'pending');
    if (requestedBy) query = query.where('requested_by', '=', requestedBy);
    const row = await query.executeTakeFirst();
    // PostgreSQL counts as bigint, returned as a string.
    return Number(row?.n ?? 0);
  }

  async get(workspaceId: string, id: string): Promise<StoredApproval | null> {
    const row = await this.table()
      .selectFrom('approval_requests')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toApproval(row) : null;
  }

  /**
   * Applies `event` if the row is still in the state it was read in (compare-and-set), so two
   * admins deciding at once, or two executions, cannot both win.
   */
  async apply(
    workspaceId: string,
    id: string,
    event: ApprovalEvent,
    actor: ApprovalActor = NO_ACTOR,
  ): Promise<{ ok: true; request: StoredApproval } | { ok: false; message: string }> {
    const current = await this.get(workspaceId, id);
    if (!current) return { ok: false, message: 'This request no longer exists.' };
    const next = transition(current, event);
    if (!next.ok) return next;
    const updatedAt = this.now().toISOString();
    const result = await this.table()
      .updateTable('approval_requests')
      .set({
        state: next.request.state,
        decided_by: next.request.decidedBy,
        reason: next.request.reason,
        operation_ids: JSON.stringify(next.request.operationIds),
        error: next.request.error,
        updated_at: updatedAt,
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('state', '=', current.state)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      return { ok: false, message: 'Someone else acted on this request first.' };
    const request = { ...current, ...next.request, updatedAt };
    await this.audit?.(workspaceId, transitionAuditEntry(request, event, actor));
    return { ok: true, request };
  }
}

export async function getApprovalStore(): Promise<ApprovalStore> {
  const [{ db }, { getTeamStore }] = await Promise.all([getTeamDb(), import('../runtime')]);
  const team = await getTeamStore();
  return new ApprovalStore(db, undefined, (workspaceId, input) =>
    team.appendAudit(workspaceId, input),
  );
}
