/**
 * `npm run audit:verify`: checks the hash chain of every team workspace's audit log (or of the
 * workspace ids given as arguments). Exit code 0 when all chains are intact, 1 otherwise.
 * Storage as the panel's: PostgreSQL when DATABASE_URL is set, else SQLite in PORTAL_DATA_DIR
 * (default .data/portal.sqlite). Needs no encryption key: the chain holds no secret.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openTeamDb, type TeamDbConfig } from '../lib/team/db/connect';
import { verifyWorkspaceAudit } from '../lib/team/store/audit-store';

function config(): TeamDbConfig {
  if (process.env.DATABASE_URL) return { kind: 'postgres', url: process.env.DATABASE_URL };
  const file = path.resolve(process.env.PORTAL_DATA_DIR ?? '.data', 'portal.sqlite');
  if (!existsSync(file)) {
    console.error(`No team storage at ${file} (set PORTAL_DATA_DIR or DATABASE_URL).`);
    process.exit(2);
  }
  return { kind: 'sqlite', file };
}

async function main(): Promise<number> {
  const { db, close } = await openTeamDb(config());
  try {
    const requested = process.argv.slice(2);
    const workspaces = await db
      .selectFrom('workspaces')
      .select(['id', 'name'])
      .$if(requested.length > 0, (query) => query.where('id', 'in', requested))
      .orderBy('created_at')
      .execute();
    if (workspaces.length === 0) {
      console.log('No workspace to verify.');
      return requested.length > 0 ? 1 : 0;
    }
    let broken = 0;
    for (const workspace of workspaces) {
      const verdict = await verifyWorkspaceAudit(db, workspace.id);
      if (verdict.ok) {
        console.log(`ok      ${workspace.id}  ${workspace.name}: ${verdict.count} entries`);
      } else {
        broken += 1;
        console.log(
          `BROKEN  ${workspace.id}  ${workspace.name}: entry ${verdict.seq} ${verdict.problem} — ${verdict.detail}`,
        );
      }
    }
    console.log(`${workspaces.length - broken} intact, ${broken} broken`);
    return broken === 0 ? 0 : 1;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
