import 'server-only';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { parseEncryptionKey } from './crypto';
import { getTeamDb } from './db';
import { TeamStore } from './store/team-store';

const globalForTeam = globalThis as typeof globalThis & { __teamStore?: Promise<TeamStore> };

/** The process-wide team store: opens the database and checks the encryption key on first use. */
export function getTeamStore(): Promise<TeamStore> {
  const existing = globalForTeam.__teamStore;
  if (existing) return existing;
  const created = (async () => {
    const key = parseEncryptionKey(getEnv().portalEncryptionKey);
    const { db, dialect } = await getTeamDb();
    const env = getEnv();
    // The audit heads' copy outside the database (see README, "Audit log").
    const headDir = env.auditHeadDir ?? path.resolve(env.portalDataDir, 'audit-heads');
    return new TeamStore(db, dialect, key, undefined, headDir);
  })();
  globalForTeam.__teamStore = created;
  created.catch(() => {
    if (globalForTeam.__teamStore === created) globalForTeam.__teamStore = undefined;
  });
  return created;
}
