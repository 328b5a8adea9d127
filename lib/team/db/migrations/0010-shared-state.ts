import type { Kysely, Migration } from 'kysely';

/**
 * State every replica must agree on (issue 15), for personal and team mode alike: sign-in failure
 * counters, wizard idempotency records and personal session records. Times are epoch milliseconds
 * (`bigint`): the throttle and leases compare and add them.
 */
export const sharedState: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sign_in_failures')
      // `address:<ip>` or `target:<hash>`: never an API key, a password or an email in clear.
      .addColumn('key', 'text', (col) => col.primaryKey())
      .addColumn('failures', 'integer', (col) => col.notNull())
      .addColumn('last_failure_at', 'bigint', (col) => col.notNull())
      .addColumn('locked_until', 'bigint', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('idempotency_records')
      .addColumn('key', 'text', (col) => col.primaryKey())
      // pending → done | failed; a pending record past `lease_until` lost its runner.
      .addColumn('state', 'text', (col) => col.notNull())
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('lease_until', 'bigint', (col) => col.notNull())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('personal_sessions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      /** sha256 of endpoint + account handle: "sign out everywhere" ends every row with it. */
      .addColumn('account', 'text', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('expires_at', 'bigint', (col) => col.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('personal_sessions_account')
      .on('personal_sessions')
      .column('account')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['personal_sessions', 'idempotency_records', 'sign_in_failures']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
