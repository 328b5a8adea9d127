import type { Kysely, Migration } from 'kysely';

/**
 * Quotas as reservations (issue 13): a change that adds to a quota reserves its delta in the same
 * locked transaction that checks it, so concurrent requests can never pass the limit together.
 * A reservation lives until its operations end (DONE: the resource now counts live; ERROR or
 * CANCEL: released) or the upstream refuses the call (released at once).
 */
export const quotaReservations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('quota_reservations')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workspace_id', 'text', (col) => col.notNull())
      .addColumn('member_id', 'text', (col) => col.notNull())
      .addColumn('delta', 'text', (col) => col.notNull())
      // The operations the call started and the objects it created (JSON), once it answered.
      .addColumn('operation_ids', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('created_refs', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (col) => col.notNull())
      // When it stopped counting (its operations ended, or the call failed); kept a while for
      // the checks that read live usage before it ended (see ReservationStore.reserve).
      .addColumn('settled_at', 'text')
      .execute();
    await db.schema
      .createIndex('quota_reservations_workspace')
      .on('quota_reservations')
      .column('workspace_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('quota_reservations').execute();
  },
};
