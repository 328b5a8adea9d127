import type { Kysely, Migration } from 'kysely';

/**
 * The gate (issue 13): a held request stores the call it will make (XML-RPC method and
 * arguments, JSON), which the approval card describes and the gate decides again when it runs.
 * Null for requests filed before.
 */
export const approvalCall: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('approval_requests').addColumn('call', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('approval_requests').dropColumn('call').execute();
  },
};
