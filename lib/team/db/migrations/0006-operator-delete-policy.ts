import type { Kysely, Migration } from 'kysely';

/** Approval policy (issue 7): "any delete by an operator needs approval" (0 = off, 1 = on). */
export const operatorDeletePolicy: Migration = {
  async up(db: Kysely<unknown>) {
    // An integer rather than a boolean: SQLite has none, and both engines read 0/1 the same.
    await db.schema
      .alterTable('approval_policies')
      .addColumn('operator_deletes', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('approval_policies').dropColumn('operator_deletes').execute();
  },
};
