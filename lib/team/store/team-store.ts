import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { auditMacKey, GENESIS_HASH } from '../audit/chain';
import { verifyAuditStorage } from '../audit/verify-storage';
import { writeHeadCopy } from '../audit/head-copy';
import { decryptSecret, encryptSecret } from '../crypto';
import type { TeamDb } from '../db/connect';
import type { MemberTable, ResourceKind, Role, WorkspaceTable } from '../db/schema';
import { appendAudit, verifyWorkspaceAudit, withWriteLock, type AuditInput } from './audit-store';
import { systemClock, type StoreClock } from './clock';

export type Workspace = Omit<WorkspaceTable, 'key_blob' | 'audit_legacy_until'>;
export type Member = Omit<MemberTable, 'password_hash'>;

export interface ResourceRef {
  kind: ResourceKind;
  id: number;
}

/** A creation refused because the Gandi account already has `cap` workspaces. */
export class WorkspaceCapReached extends Error {
  constructor(readonly cap: number) {
    super(
      `This Gandi account already has ${cap} workspace${cap === 1 ? '' : 's'}: the most this portal allows.`,
    );
    this.name = 'WorkspaceCapReached';
  }
}

/** One-time invite links live this long. */
export const INVITE_TTL_MS = 48 * 60 * 60 * 1000;

const WORKSPACE_COLUMNS = [
  'id',
  'name',
  'endpoint_id',
  'handle',
  'owner_member_id',
  'created_at',
  'key_updated_at',
  'audit_head_seq',
  'audit_head_hash',
] as const;
const MEMBER_COLUMNS = ['id', 'workspace_id', 'email', 'role', 'created_at', 'removed_at'] as const;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The team storage: workspaces (with the encrypted key), members, invites, member sessions,
 * who created which Gandi object, and the audit chain. One instance per process.
 */
export class TeamStore {
  constructor(
    readonly db: TeamDb,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly encryptionKey: Buffer,
    private readonly clock: StoreClock = systemClock,
    /** Where the audit heads are copied outside the database (null: not copied). */
    private readonly auditHeadDir: string | null = null,
  ) {
    this.auditMacKey = auditMacKey(encryptionKey);
  }

  /** Keys the audit chain (derived from the encryption key, never stored). */
  readonly auditMacKey: Buffer;

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  async createWorkspace(input: {
    name: string;
    endpointId: string;
    handle: string;
    apiKey: string;
    ownerEmail: string;
    ownerPasswordHash: string;
    /** At most this many workspaces on the account (endpoint + handle), counted under a lock. */
    maxForAccount?: number;
  }): Promise<{ workspace: Workspace; owner: Member }> {
    const workspaceId = this.clock.id();
    const ownerId = this.clock.id();
    const now = this.nowIso();
    const keyBlob = encryptSecret(this.encryptionKey, input.apiKey, workspaceId);
    // Count and insert in one locked transaction: concurrent creations cannot both pass the cap.
    await withWriteLock(this.db, this.dialect, async (trx) => {
      if (input.maxForAccount !== undefined) {
        if (this.dialect === 'postgres') {
          const lockName = `workspaces:${input.endpointId}:${input.handle}`;
          await sql`select pg_advisory_xact_lock(hashtext(${lockName}))`.execute(trx);
        }
        const row = await trx
          .selectFrom('workspaces')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('endpoint_id', '=', input.endpointId)
          .where('handle', '=', input.handle)
          .executeTakeFirst();
        if (Number(row?.n ?? 0) >= input.maxForAccount) {
          throw new WorkspaceCapReached(input.maxForAccount);
        }
      }
      await trx
        .insertInto('workspaces')
        .values({
          id: workspaceId,
          name: input.name,
          endpoint_id: input.endpointId,
          handle: input.handle,
          key_blob: keyBlob,
          owner_member_id: ownerId,
          created_at: now,
          key_updated_at: now,
          audit_head_seq: 0,
          audit_head_hash: GENESIS_HASH,
        })
        .execute();
      await trx
        .insertInto('members')
        .values({
          id: ownerId,
          workspace_id: workspaceId,
          email: normalizeEmail(input.ownerEmail),
          password_hash: input.ownerPasswordHash,
          role: 'owner',
          created_at: now,
          removed_at: null,
        })
        .execute();
    });
    const workspace = await this.getWorkspace(workspaceId);
    const owner = await this.getMember(ownerId);
    if (!workspace || !owner) throw new Error('The new workspace could not be read back.');
    return { workspace, owner };
  }

  async getWorkspace(id: string): Promise<Workspace | undefined> {
    const row = await this.db
      .selectFrom('workspaces')
      .select(WORKSPACE_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { ...row, audit_head_seq: Number(row.audit_head_seq) } : undefined;
  }

  async listWorkspaceIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('workspaces')
      .select('id')
      .orderBy('created_at')
      .execute();
    return rows.map((row) => row.id);
  }

  /** The workspace's API key, in memory for this request only. Throws when the key is wrong. */
  async workspaceApiKey(workspaceId: string): Promise<string> {
    const row = await this.db
      .selectFrom('workspaces')
      .select('key_blob')
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return decryptSecret(this.encryptionKey, row.key_blob, workspaceId);
  }

  async replaceApiKey(workspaceId: string, apiKey: string): Promise<void> {
    await this.db
      .updateTable('workspaces')
      .set({
        key_blob: encryptSecret(this.encryptionKey, apiKey, workspaceId),
        key_updated_at: this.nowIso(),
      })
      .where('id', '=', workspaceId)
      .execute();
  }

  /**
   * The active member with this email in the workspace the sign-in names, with their password
   * hash: one row at most, so a sign-in never loops over other workspaces.
   */
  async findMemberForSignIn(workspaceId: string, email: string): Promise<MemberTable | undefined> {
    return this.db
      .selectFrom('members')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('email', '=', normalizeEmail(email))
      .where('removed_at', 'is', null)
      .executeTakeFirst();
  }

  async getMember(id: string): Promise<Member | undefined> {
    return this.db
      .selectFrom('members')
      .select(MEMBER_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async listMembers(workspaceId: string): Promise<Member[]> {
    return this.db
      .selectFrom('members')
      .select(MEMBER_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('removed_at', 'is', null)
      .orderBy('created_at')
      .execute();
  }

  /** Returns the token to put in the link: shown once, stored only as a hash. */
  async createInvite(input: {
    workspaceId: string;
    email: string;
    role: Role;
    createdBy: string;
  }): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_MS).toISOString();
    await this.db
      .insertInto('invites')
      .values({
        id: this.clock.id(),
        workspace_id: input.workspaceId,
        token_hash: hashToken(token),
        email: normalizeEmail(input.email),
        role: input.role,
        created_by: input.createdBy,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    return { token, expiresAt };
  }

  /** The invite behind a token while it is unused and unexpired. */
  async findOpenInvite(token: string) {
    return this.db
      .selectFrom('invites')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', this.nowIso())
      .executeTakeFirst();
  }

  /** Invitations still waiting to be used, newest first. */
  async listOpenInvites(workspaceId: string) {
    return this.db
      .selectFrom('invites')
      .select(['id', 'email', 'role', 'created_at', 'expires_at'])
      .where('workspace_id', '=', workspaceId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', this.nowIso())
      .orderBy('created_at', 'desc')
      .execute();
  }

  /** Withdraws an unused invitation: its link stops working. */
  async revokeInvite(workspaceId: string, inviteId: string): Promise<boolean> {
    const now = this.nowIso();
    const updated = await this.db
      .updateTable('invites')
      .set({ used_at: now, expires_at: now })
      .where('id', '=', inviteId)
      .where('workspace_id', '=', workspaceId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /**
   * Uses the invite (once: the update only matches an unused row) and creates the member.
   * Returns undefined when the token is unknown, used or expired.
   */
  async acceptInvite(token: string, passwordHash: string): Promise<Member | undefined> {
    const now = this.nowIso();
    const memberId = this.clock.id();
    const accepted = await this.db.transaction().execute(async (trx) => {
      const invite = await trx
        .selectFrom('invites')
        .selectAll()
        .where('token_hash', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (!invite) return false;
      const used = await trx
        .updateTable('invites')
        .set({ used_at: now })
        .where('id', '=', invite.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      // Re-inviting an address replaces its previous membership in this workspace.
      await trx
        .updateTable('members')
        .set({ removed_at: now })
        .where('workspace_id', '=', invite.workspace_id)
        .where('email', '=', invite.email)
        .where('removed_at', 'is', null)
        .where('role', '!=', 'owner')
        .execute();
      await trx
        .insertInto('members')
        .values({
          id: memberId,
          workspace_id: invite.workspace_id,
          email: invite.email,
          password_hash: passwordHash,
          role: invite.role,
          created_at: now,
          removed_at: null,
        })
        .execute();
      return true;
    });
    return accepted ? this.getMember(memberId) : undefined;
  }

  /** Removes a member and ends every session of theirs at once. The owner cannot be removed. */
  async removeMember(workspaceId: string, memberId: string): Promise<boolean> {
    const now = this.nowIso();
    return this.db.transaction().execute(async (trx) => {
      const removed = await trx
        .updateTable('members')
        .set({ removed_at: now })
        .where('id', '=', memberId)
        .where('workspace_id', '=', workspaceId)
        .where('role', '!=', 'owner')
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      // Only a member of this workspace who was just removed: an owner of another workspace
      // naming a foreign member id changes nothing and signs nobody out.
      if (Number(removed.numUpdatedRows) !== 1) return false;
      await trx
        .updateTable('member_sessions')
        .set({ revoked_at: now })
        .where('member_id', '=', memberId)
        .where('workspace_id', '=', workspaceId)
        .where('revoked_at', 'is', null)
        .execute();
      return true;
    });
  }

  async setRole(workspaceId: string, memberId: string, role: Exclude<Role, 'owner'>) {
    const updated = await this.db
      .updateTable('members')
      .set({ role })
      .where('id', '=', memberId)
      .where('workspace_id', '=', workspaceId)
      .where('role', '!=', 'owner')
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  async createSession(member: Member): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    await this.db
      .insertInto('member_sessions')
      .values({
        id,
        member_id: member.id,
        workspace_id: member.workspace_id,
        created_at: this.nowIso(),
        revoked_at: null,
      })
      .execute();
    return id;
  }

  /** The member behind a session id, when the session is live and the member not removed. */
  async activeSessionMember(sessionId: string): Promise<Member | undefined> {
    return this.db
      .selectFrom('member_sessions')
      .innerJoin('members', 'members.id', 'member_sessions.member_id')
      .select([
        'members.id',
        'members.workspace_id',
        'members.email',
        'members.role',
        'members.created_at',
        'members.removed_at',
      ])
      .where('member_sessions.id', '=', sessionId)
      .where('member_sessions.revoked_at', 'is', null)
      .where('members.removed_at', 'is', null)
      .executeTakeFirst();
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.db
      .updateTable('member_sessions')
      .set({ revoked_at: this.nowIso() })
      .where('id', '=', sessionId)
      .execute();
  }

  async recordOwner(workspaceId: string, ref: ResourceRef, memberId: string): Promise<void> {
    await this.db
      .insertInto('resource_owners')
      .values({
        workspace_id: workspaceId,
        kind: ref.kind,
        gandi_id: ref.id,
        member_id: memberId,
        created_at: this.nowIso(),
      })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'kind', 'gandi_id']).doNothing())
      .execute();
  }

  /** True when `memberId` created every one of `refs` through the portal. */
  async ownsAll(workspaceId: string, memberId: string, refs: readonly ResourceRef[]) {
    for (const ref of refs) {
      const row = await this.db
        .selectFrom('resource_owners')
        .select('member_id')
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', ref.kind)
        .where('gandi_id', '=', ref.id)
        .executeTakeFirst();
      if (row?.member_id !== memberId) return false;
    }
    return true;
  }

  async ownersOf(workspaceId: string, kind: ResourceKind): Promise<Map<number, string>> {
    const rows = await this.db
      .selectFrom('resource_owners')
      .select(['gandi_id', 'member_id'])
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind)
      .execute();
    return new Map(rows.map((row) => [Number(row.gandi_id), row.member_id]));
  }

  async appendAudit(workspaceId: string, input: AuditInput) {
    const entry = await appendAudit(
      this.db,
      this.dialect,
      this.clock,
      workspaceId,
      input,
      this.auditMacKey,
    );
    if (this.auditHeadDir) {
      // Outside the database: cutting the log's tail, or wiping it, no longer matches this copy.
      await writeHeadCopy(this.auditHeadDir, this.auditMacKey, entry).catch((err: unknown) => {
        console.error(`[audit] head copy not written: ${err instanceof Error ? err.message : err}`);
      });
    }
    return entry;
  }

  /** The workspace's chain, checked with the MAC key. */
  verifyAudit(workspaceId: string) {
    return verifyWorkspaceAudit(this.db, workspaceId, this.auditMacKey);
  }

  /** Every chain (or those of `only`) and the heads' copies outside the database. */
  verifyAuditStorage(only: readonly string[] = []) {
    return verifyAuditStorage(this.db, this.auditMacKey, this.auditHeadDir, only);
  }
}
