import type { Kysely, Migration } from 'kysely';

/**
 * VM templates of a workspace (issue 7): a complete creation recipe an admin defines and members
 * launch in one step. The recipe is stored as validated JSON (`spec`); `roles` lists who may
 * launch it (comma-separated). Portable DDL as in 0001.
 */
export const templates: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('vm_templates')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull().references('workspaces.id'))
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('spec', 'text', (col) => col.notNull())
      .addColumn('roles', 'text', (col) => col.notNull())
      .addColumn('created_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema
      .createIndex('vm_templates_workspace')
      .on('vm_templates')
      .column('workspace_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('vm_templates').execute();
  },
};
