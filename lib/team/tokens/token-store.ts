import { randomBytes } from 'node:crypto';
import type { TeamDb } from '../db/connect';
import type { Role } from '../db/schema';
import { systemClock, type StoreClock } from '../store/clock';
import { hashToken } from '../store/team-store';

/**
 * Personal access tokens: 24 lowercase letters and digits, the shape of a Gandi API key, so that
 * every tool that checks a key's format (`^[a-z0-9]{24}$`) accepts one; 36^24 ≈ 2^124 guesses.
 * Shown once, stored as a sha256 hash.
 */
export const TOKEN_LENGTH = 24;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const TOKEN_NAME_MAX = 64;
export const MAX_EXPIRY_DAYS = 3650;

export function generateToken(): string {
  let out = '';
  while (out.length < TOKEN_LENGTH) {
    for (const byte of randomBytes(32)) {
      // 252 = 7 × 36: bytes above it would make the first letters likelier (modulo bias).
      if (byte < 252 && out.length < TOKEN_LENGTH) out += ALPHABET[byte % 36];
    }
  }
  return out;
}

export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]{24}$/.test(value);
}

export interface TokenSummary {
  id: string;
  name: string;
  memberId: string;
  memberEmail: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** Who is calling, read afresh from the member row on every call. */
export interface TokenHolder {
  tokenId: string;
  tokenName: string;
  workspaceId: string;
  memberId: string;
  memberEmail: string;
  role: Role;
}

export class TokenNameTakenError extends Error {
  constructor(name: string) {
    super(`You already have a token named “${name}”: revoke it first or choose another name.`);
    this.name = 'TokenNameTakenError';
  }
}

/** last_used_at is written at most this often per token (one write per call would be a hot row). */
const LAST_USED_GRANULARITY_MS = 60_000;

export class TokenStore {
  constructor(
    private readonly db: TeamDb,
    private readonly clock: StoreClock = systemClock,
  ) {}

  /** Creates a token for an active member; returns the token (the only time it exists in clear). */
  async create(input: {
    workspaceId: string;
    memberId: string;
    name: string;
    expiresInDays?: number | null;
  }): Promise<{ id: string; token: string; expiresAt: string | null }> {
    const name = input.name.trim();
    if (!name || name.length > TOKEN_NAME_MAX)
      throw new Error('A token name has 1 to 64 characters.');
    const now = this.clock.now();
    const days = input.expiresInDays ?? null;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS)) {
      throw new Error(`Expiry is a whole number of days from 1 to ${MAX_EXPIRY_DAYS}.`);
    }
    const expiresAt =
      days === null ? null : new Date(now.getTime() + days * 86_400_000).toISOString();
    const token = generateToken();
    const id = this.clock.id();
    await this.db.transaction().execute(async (trx) => {
      const member = await trx
        .selectFrom('members')
        .select('id')
        .where('id', '=', input.memberId)
        .where('workspace_id', '=', input.workspaceId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (!member) throw new Error('No such member in this workspace.');
      const clash = await trx
        .selectFrom('access_tokens')
        .select('id')
        .where('member_id', '=', input.memberId)
        .where('name', '=', name)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (clash) throw new TokenNameTakenError(name);
      await trx
        .insertInto('access_tokens')
        .values({
          id,
          workspace_id: input.workspaceId,
          member_id: input.memberId,
          name,
          token_hash: hashToken(token),
          created_at: now.toISOString(),
          expires_at: expiresAt,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
    });
    return { id, token, expiresAt };
  }

  /**
   * The member behind a token: unknown, revoked and expired tokens, removed members and tokens
   * whose member moved to another workspace all resolve to nothing.
   */
  async resolve(token: string): Promise<TokenHolder | undefined> {
    if (!looksLikeToken(token)) return undefined;
    const now = this.clock.now();
    const row = await this.db
      .selectFrom('access_tokens')
      .innerJoin('members', 'members.id', 'access_tokens.member_id')
      .select([
        'access_tokens.id as tokenId',
        'access_tokens.name as tokenName',
        'access_tokens.workspace_id as workspaceId',
        'access_tokens.expires_at as expiresAt',
        'access_tokens.last_used_at as lastUsedAt',
        'members.id as memberId',
        'members.email as memberEmail',
        'members.role as role',
        'members.workspace_id as memberWorkspaceId',
      ])
      .where('access_tokens.token_hash', '=', hashToken(token))
      .where('access_tokens.revoked_at', 'is', null)
      .where('members.removed_at', 'is', null)
      .executeTakeFirst();
    if (!row || row.memberWorkspaceId !== row.workspaceId) return undefined;
    if (row.expiresAt !== null && row.expiresAt <= now.toISOString()) return undefined;
    if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_GRANULARITY_MS) {
      await this.db
        .updateTable('access_tokens')
        .set({ last_used_at: now.toISOString() })
        .where('id', '=', row.tokenId)
        .execute();
    }
    return {
      tokenId: row.tokenId,
      tokenName: row.tokenName,
      workspaceId: row.workspaceId,
      memberId: row.memberId,
      memberEmail: row.memberEmail,
      role: row.role,
    };
  }

  /** Live tokens (not revoked; expired ones are listed so they can be cleaned up), newest first. */
  async list(workspaceId: string, memberId?: string): Promise<TokenSummary[]> {
    const rows = await this.db
      .selectFrom('access_tokens')
      .innerJoin('members', 'members.id', 'access_tokens.member_id')
      .select([
        'access_tokens.id',
        'access_tokens.name',
        'access_tokens.member_id',
        'members.email',
        'access_tokens.created_at',
        'access_tokens.expires_at',
        'access_tokens.last_used_at',
      ])
      .where('access_tokens.workspace_id', '=', workspaceId)
      .where('access_tokens.revoked_at', 'is', null)
      .where('members.removed_at', 'is', null)
      .$if(memberId !== undefined, (query) =>
        query.where('access_tokens.member_id', '=', memberId!),
      )
      .orderBy('access_tokens.created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      memberId: row.member_id,
      memberEmail: row.email,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
    }));
  }

  /** Revokes one token of the workspace (of that member only, when `memberId` is given). */
  async revoke(workspaceId: string, tokenId: string, memberId?: string): Promise<boolean> {
    const updated = await this.db
      .updateTable('access_tokens')
      .set({ revoked_at: this.clock.now().toISOString() })
      .where('id', '=', tokenId)
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .$if(memberId !== undefined, (query) => query.where('member_id', '=', memberId!))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Revokes the workspace's live tokens with this name (of one member when given); how many. */
  async revokeByName(workspaceId: string, name: string, memberId?: string): Promise<number> {
    const updated = await this.db
      .updateTable('access_tokens')
      .set({ revoked_at: this.clock.now().toISOString() })
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', name.trim())
      .where('revoked_at', 'is', null)
      .$if(memberId !== undefined, (query) => query.where('member_id', '=', memberId!))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows);
  }
}
