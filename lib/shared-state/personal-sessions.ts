import { createHash, randomBytes } from 'node:crypto';
import { ms, type SharedDb } from './db';

/**
 * Server-side records of personal sessions: the cookie names one, and a request is signed in only
 * while its record is live, so signing out (this browser) or "sign out everywhere" (every session
 * of the account) ends it at once on every replica — a copied cookie stops working too.
 */
export interface PersonalSessionOptions {
  ttlMs: number;
  now?: () => number;
}

export interface SessionAccount {
  endpointId: string;
  handle: string;
}

/** The account a session belongs to, as stored (a digest: the table needs equality only). */
export function accountDigest(account: SessionAccount): string {
  return createHash('sha256').update(`${account.endpointId}\n${account.handle}`).digest('hex');
}

export class PersonalSessions {
  private readonly now: () => number;

  constructor(
    private readonly db: SharedDb,
    private readonly options: PersonalSessionOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async create(account: SessionAccount): Promise<string> {
    const id = randomBytes(24).toString('base64url');
    const now = this.now();
    await this.db
      .insertInto('personal_sessions')
      .values({
        id,
        account: accountDigest(account),
        created_at: now,
        expires_at: now + this.options.ttlMs,
        revoked_at: null,
      })
      .execute();
    return id;
  }

  /** Live: exists, belongs to this account, not ended, not expired. */
  async isLive(id: string, account: SessionAccount): Promise<boolean> {
    const row = await this.db
      .selectFrom('personal_sessions')
      .select(['account', 'expires_at', 'revoked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return false;
    return row.account === accountDigest(account) && ms(row.expires_at) > this.now();
  }

  async end(id: string): Promise<void> {
    await this.db
      .updateTable('personal_sessions')
      .set({ revoked_at: this.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Ends every live session of the account; returns how many. */
  async endEverywhere(account: SessionAccount): Promise<number> {
    const result = await this.db
      .updateTable('personal_sessions')
      .set({ revoked_at: this.now() })
      .where('account', '=', accountDigest(account))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Drops records that can no longer sign anyone in. */
  async sweep(): Promise<number> {
    const result = await this.db
      .deleteFrom('personal_sessions')
      .where('expires_at', '<=', this.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
