import { mkdirSync } from 'node:fs';
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
import { sharedState } from './migrations/0010-shared-state';
import { jobs } from './migrations/0011-jobs';
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
    '0010-shared-state': sharedState,
    '0011-jobs': jobs,
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
    mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new Database(config.file);
    sqlite.pragma('journal_mode = WAL');
    // Several panel processes may share the file (npm start + a second instance); wait, not fail.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<TeamDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: config.url, max: 10 });
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
  return { db, dialect: config.kind, close: () => db.destroy() };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
