import 'server-only';
import { getTeamDb } from '@/lib/team/db';
import { withSharedTables, type SharedDb } from './db';

/**
 * The process-wide shared storage: the team database, opened (and migrated) on first use. Personal
 * mode reaches it too (sessions, throttle, idempotency): with several replicas this is where they
 * agree.
 */
export async function sharedDb(): Promise<SharedDb> {
  const { db } = await getTeamDb();
  return withSharedTables(db);
}
