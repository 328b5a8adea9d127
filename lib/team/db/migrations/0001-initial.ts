import type { Kysely, Migration } from 'kysely';

/** Portable DDL only (SQLite and PostgreSQL): text ids and ISO times, integers for seq and Gandi ids. */
export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('workspaces')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('endpoint_id', 'text', (col) => col.notNull())
      .addColumn('handle', 'text', (col) => col.notNull())
      .addColumn('key_blob', 'text', (col) => col.notNull())
      .addColumn('owner_member_id', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('key_updated_at', 'text', (col) => col.notNull())
      .addColumn('audit_head_seq', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('audit_head_hash', 'text', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('removed_at', 'text')
      .execute();
    await db.schema.createIndex('members_email').on('members').column('email').execute();

    await db.schema
      .createTable('invites')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('email', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull())
      .addColumn('used_at', 'text')
      .execute();

    await db.schema
      .createTable('member_sessions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('member_id', 'text', (col) => col.notNull().references('members.id'))
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createIndex('member_sessions_member')
      .on('member_sessions')
      .column('member_id')
      .execute();

    await db.schema
      .createTable('resource_owners')
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('gandi_id', 'integer', (col) => col.notNull())
      .addColumn('member_id', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('resource_owners_pk', ['workspace_id', 'kind', 'gandi_id'])
      .execute();

    await db.schema
      .createTable('audit')
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('seq', 'integer', (col) => col.notNull())
      .addColumn('ts', 'text', (col) => col.notNull())
      .addColumn('member_id', 'text')
      .addColumn('member_email', 'text')
      .addColumn('ip', 'text')
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('resource', 'text')
      .addColumn('params', 'text', (col) => col.notNull())
      .addColumn('result', 'text', (col) => col.notNull())
      .addColumn('message', 'text')
      .addColumn('operations', 'text', (col) => col.notNull())
      .addColumn('prev_hash', 'text', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('audit_pk', ['workspace_id', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'audit',
      'resource_owners',
      'member_sessions',
      'invites',
      'members',
      'workspaces',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
