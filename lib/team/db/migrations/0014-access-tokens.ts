import type { Kysely, Migration } from 'kysely';

/**
 * Personal access tokens (issue 14): a member's tools call the portal's XML-RPC endpoint with a
 * token instead of the workspace key. Only the sha256 of the token is stored (it is 124 random
 * bits, so a fast hash is enough); the member row is read on every call, so removing the member or
 * lowering their role applies to their tokens at once.
 */
export const accessTokens: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('access_tokens')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
      .addColumn('member_id', 'text', (col) => col.notNull().references('members.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createIndex('access_tokens_workspace')
      .on('access_tokens')
      .columns(['workspace_id', 'member_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('access_tokens').execute();
  },
};
