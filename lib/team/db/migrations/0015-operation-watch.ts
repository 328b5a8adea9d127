import type { Kysely, Migration } from 'kysely';

/**
 * One operation watcher per account across replicas (issue 15): which replica polls an account
 * (a row lease), which operation ids each replica's streams watch (rows that expire unless
 * refreshed, so a dead replica's interest fades) and the last state published for each watched
 * operation (what the other replicas read when told something changed). `account` is the
 * watcher's digest of endpoint + key, never the key. Times are epoch milliseconds.
 */
export const operationWatch: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('operation_watch_leases')
      .addColumn('account', 'text', (col) => col.primaryKey())
      .addColumn('holder', 'text', (col) => col.notNull())
      .addColumn('lease_until', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('operation_watch_ids')
      .addColumn('account', 'text', (col) => col.notNull())
      .addColumn('replica', 'text', (col) => col.notNull())
      // 0 stands for "the running operations" (?scope=running).
      .addColumn('op_id', 'bigint', (col) => col.notNull())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('operation_watch_ids_pk', ['account', 'replica', 'op_id'])
      .execute();
    await db.schema
      .createTable('operation_watch_state')
      .addColumn('account', 'text', (col) => col.notNull())
      // 0 holds the account's last upstream error.
      .addColumn('op_id', 'bigint', (col) => col.notNull())
      .addColumn('running', 'integer', (col) => col.notNull())
      .addColumn('message', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('operation_watch_state_pk', ['account', 'op_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['operation_watch_state', 'operation_watch_ids', 'operation_watch_leases'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
