/**
 * `npm run audit:verify`: checks every team workspace's audit log (or those whose ids are given):
 * the keyed chain (key derived from PORTAL_ENCRYPTION_KEY), the heads against their copies kept
 * outside the database (PORTAL_AUDIT_HEAD_DIR, default <PORTAL_DATA_DIR>/audit-heads), entries
 * without a workspace and copies without one. Exit 0 when all is intact, 1 otherwise, 2 when it
 * cannot check. Storage as the panel's: PostgreSQL when DATABASE_URL is set, else SQLite.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditMacKey } from '../lib/team/audit/chain';
import { verifyAuditStorage } from '../lib/team/audit/verify-storage';
import { parseEncryptionKey } from '../lib/team/crypto';
import { openTeamDb, type TeamDbConfig } from '../lib/team/db/connect';

const dataDir = path.resolve(process.env.PORTAL_DATA_DIR ?? '.data');

function config(): TeamDbConfig {
  if (process.env.DATABASE_URL) return { kind: 'postgres', url: process.env.DATABASE_URL };
  const file = path.join(dataDir, 'portal.sqlite');
  if (!existsSync(file)) {
    console.error(`No team storage at ${file} (set PORTAL_DATA_DIR or DATABASE_URL).`);
    process.exit(2);
  }
  return { kind: 'sqlite', file };
}

/** As `npm start` keeps it: the environment, else the generated key file. */
function encryptionKey(): Buffer {
  const file = path.join(dataDir, 'portal-encryption-key');
  const value =
    process.env.PORTAL_ENCRYPTION_KEY ??
    (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
  return parseEncryptionKey(value);
}

async function main(): Promise<number> {
  const macKey = auditMacKey(encryptionKey());
  const headDir = path.resolve(
    process.env.PORTAL_AUDIT_HEAD_DIR ?? path.join(dataDir, 'audit-heads'),
  );
  const { db, close } = await openTeamDb(config());
  try {
    const requested = process.argv.slice(2);
    const { workspaces, findings } = await verifyAuditStorage(db, macKey, headDir, requested);
    if (workspaces.length === 0 && findings.length === 0) {
      console.log('No workspace to verify.');
      return requested.length > 0 ? 1 : 0;
    }
    let broken = 0;
    for (const { id, name, verdict } of workspaces) {
      if (verdict.ok) {
        console.log(`ok      ${id}  ${name}: ${verdict.count} entries`);
      } else {
        broken += 1;
        console.log(
          `BROKEN  ${id}  ${name}: entry ${verdict.seq} ${verdict.problem} — ${verdict.detail}`,
        );
      }
    }
    for (const finding of findings) {
      console.log(`BROKEN  ${finding.workspaceId}: ${finding.problem} — ${finding.detail}`);
    }
    const bad = broken + findings.length;
    console.log(
      `${workspaces.length - broken} chains intact, ${bad} problem${bad === 1 ? '' : 's'}`,
    );
    return bad === 0 ? 0 : 1;
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
