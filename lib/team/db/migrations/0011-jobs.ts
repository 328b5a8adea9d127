import type { Kysely, Migration } from 'kysely';

/**
 * Durable jobs (issue 15): work that outlives a response, claimed with a lease by any replica.
 * `checkpoint` is what a job has recorded so far (JSON); `dedupe_key` makes enqueueing one
 * piece of work twice a no-op.
 */
export const jobs: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('dedupe_key', 'text', (col) => col.unique())
      .addColumn('payload', 'text', (col) => col.notNull())
      .addColumn('checkpoint', 'text')
      // queued → done | failed (a claimed job stays queued: its lease says who runs it)
      .addColumn('state', 'text', (col) => col.notNull())
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint', (col) => col.notNull().defaultTo(0))
      .addColumn('run_after', 'bigint', (col) => col.notNull())
      .addColumn('error', 'text')
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('updated_at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('jobs_claimable')
      .on('jobs')
      .columns(['state', 'run_after', 'lease_until'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('jobs').ifExists().execute();
  },
};
