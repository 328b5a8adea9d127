import type { Kysely, Migration } from 'kysely';

/**
 * Approval requests (issue 7): a change over quota (or marked by a policy) waiting for an admin.
 * `params` is the validated action input (JSON); `state` follows lib/team/approvals.
 */
export const approvals: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('approval_requests')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
      .addColumn('requested_by', 'text', (col) => col.notNull())
      .addColumn('requester_email', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('params', 'text', (col) => col.notNull())
      .addColumn('why', 'text', (col) => col.notNull())
      .addColumn('state', 'text', (col) => col.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('reason', 'text')
      .addColumn('operation_ids', 'text', (col) => col.notNull())
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('approval_requests_workspace')
      .on('approval_requests')
      .columns(['workspace_id', 'state'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('approval_requests').execute();
  },
};
