import type { Kysely, Migration } from 'kysely';

/**
 * Live-update streams per session, counted across replicas (issue 15): a session holds at most N
 * numbered slots; a stream takes a free (or expired) one and refreshes it while it stays open, so
 * a replica that dies gives its slots back when they expire. `owner` is a digest of the session.
 */
export const streamSlots: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('stream_slots')
      .addColumn('owner', 'text', (col) => col.notNull())
      .addColumn('slot', 'integer', (col) => col.notNull())
      .addColumn('holder', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('stream_slots_pk', ['owner', 'slot'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('stream_slots').ifExists().execute();
  },
};
