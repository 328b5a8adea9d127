import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The audit chain becomes keyed (issue 13): entries written from now on carry an HMAC with a key
 * derived from the portal's encryption key. The entries already written keep their sha256 chain;
 * `audit_legacy_until` records where it ends (the outside head copy records it too).
 */
export const auditMac: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('workspaces')
      .addColumn('audit_legacy_until', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await sql`update workspaces set audit_legacy_until = audit_head_seq`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('workspaces').dropColumn('audit_legacy_until').execute();
  },
};
