import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import { initial } from './migrations/0001-initial';
import { templates } from './migrations/0002-templates';
import { quotas } from './migrations/0003-quotas';
import { approvals } from './migrations/0004-approvals';
import { approvalPolicies } from './migrations/0005-approval-policies';
import { operatorDeletePolicy } from './migrations/0006-operator-delete-policy';
import { approvalCall } from './migrations/0007-approval-call';
import { quotaReservations } from './migrations/0008-quota-reservations';
import { auditMac } from './migrations/0009-audit-mac';
import { sharedState } from './migrations/0010-shared-state';
import { jobs } from './migrations/0011-jobs';
import { operationWatch } from './migrations/0015-operation-watch';
import { streamSlots } from './migrations/0016-stream-slots';
import { accessTokens } from './migrations/0014-access-tokens';
import type { TeamDatabase } from './schema';

export type TeamDb = Kysely<TeamDatabase>;

export type TeamDbConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface OpenedTeamDb {
  db: TeamDb;
  dialect: TeamDbConfig['kind'];
  close(): Promise<void>;
}

/** Migrations are imported statically (no directory scan), so the bundler sees them. */
const migrations: MigrationProvider = {
  getMigrations: async () => ({
    '0001-initial': initial,
    '0002-templates': templates,
    '0003-quotas': quotas,
    '0004-approvals': approvals,
    '0005-approval-policies': approvalPolicies,
    '0006-operator-delete-policy': operatorDeletePolicy,
    '0007-approval-call': approvalCall,
    '0008-quota-reservations': quotaReservations,
    '0009-audit-mac': auditMac,
    '0010-shared-state': sharedState,
    '0011-jobs': jobs,
    '0015-operation-watch': operationWatch,
    '0016-stream-slots': streamSlots,
    '0014-access-tokens': accessTokens,
  }),
};

/**
 * Opens the team storage and applies pending migrations. The drivers are loaded here, on demand,
 * so that nothing in personal mode ever loads a database driver.
 */
export async function openTeamDb(config: TeamDbConfig): Promise<OpenedTeamDb> {
  let db: TeamDb;
  if (config.kind === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    // Password hashes and sealed keys: the directory and the files are the panel user's only.
    mkdirSync(path.dirname(config.file), { recursive: true, mode: 0o700 });
    chmodSync(path.dirname(config.file), 0o700);
    const sqlite = new Database(config.file);
    sqlite.pragma('journal_mode = WAL');
    // Several panel processes may share the file (npm start + a second instance); wait, not fail.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');

    db = new Kysely<TeamDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: config.url, max: 10 });
    // A connection cut by a PostgreSQL restart or a network split is an 'error' event — on the
    // pool when idle, on the client while it runs a query (whose promise is rejected as well):
    // unhandled, either would end the process, every replica at once. The pool drops that
    // connection and opens another on the next query; /readyz says 503 meanwhile.
    const lost = (err: Error) =>
      console.error(`[storage] a PostgreSQL connection was lost: ${err.message}`);
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    db = new Kysely<TeamDatabase>({ dialect: new PostgresDialect({ pool }) });
  }
  const { error, results } = await new Migrator({
    db,
    provider: migrations,
    // Numbers are reserved per feature branch: a database may have met 0010 before 0007 existed.
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Team storage migration ${failed ?? ''} failed: ${describe(error)}`);
  }
  // After the first writes, which create the WAL files.
  if (config.kind === 'sqlite') privateFiles(config.file);
  return { db, dialect: config.kind, close: () => db.destroy() };
}

function privateFiles(file: string): void {
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(/*turbopackIgnore: true*/ each))
      chmodSync(/*turbopackIgnore: true*/ each, 0o600);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
