import 'server-only';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { openTeamDb, type OpenedTeamDb, type TeamDbConfig } from './connect';

export type { TeamDb } from './connect';

const globalForTeamDb = globalThis as typeof globalThis & {
  __teamDb?: Promise<OpenedTeamDb>;
};

/** Where the team storage lives for this deployment: PostgreSQL when DATABASE_URL is set. */
export function teamDbConfig(): TeamDbConfig {
  const env = getEnv();
  if (env.databaseUrl) return { kind: 'postgres', url: env.databaseUrl };
  return { kind: 'sqlite', file: path.resolve(env.portalDataDir, 'portal.sqlite') };
}

/** The process-wide team storage, opened (and migrated) on first use only. */
export async function getTeamDb(): Promise<OpenedTeamDb> {
  const opening = (globalForTeamDb.__teamDb ??= openTeamDb(teamDbConfig()));
  try {
    return await opening;
  } catch (err) {
    // Let the next request retry (a database that was down may be up again).
    globalForTeamDb.__teamDb = undefined;
    throw err;
  }
}
