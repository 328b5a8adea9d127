import type { Kysely, Migration } from 'kysely';

/** Approval policy of a workspace (issue 7): launches above `above_cores` need approval. */
export const approvalPolicies: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('approval_policies')
      .addColumn('workspace_id', 'text', (col) => col.primaryKey().references('workspaces.id'))
      .addColumn('above_cores', 'integer')
      .addColumn('updated_by', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('approval_policies').execute();
  },
};
