import type { Kysely, Migration } from 'kysely';

/**
 * Quotas (issue 7): limits per member, and per workspace (`member_id` = ''), as JSON
 * `{ vms, cores, memoryMb, diskMb, ipv4, creditsPerHour }` (absent or null = no limit).
 */
export const quotas: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('quotas')
      .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
      .addColumn('member_id', 'text', (col) => col.notNull())
      .addColumn('limits', 'text', (col) => col.notNull())
      .addColumn('updated_by', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('quotas_pk', ['workspace_id', 'member_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('quotas').execute();
  },
};
