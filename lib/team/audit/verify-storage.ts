import type { TeamDb } from '../db/connect';
import { verifyWorkspaceAudit } from '../store/audit-store';
import type { ChainVerdict } from './chain';
import { readHeadCopies } from './head-copy';

/**
 * The whole audit storage checked against what the database cannot rewrite: each workspace's
 * keyed chain, its head against the copy kept outside the database (a cut tail or a wiped log
 * falls behind it), entries whose workspace row is gone (orphaned), and copies whose workspace
 * row is gone (a deleted workspace hiding its log).
 */

export type StorageProblem =
  'truncated' | 'wiped' | 'rewritten' | 'copy-tampered' | 'orphaned-entries' | 'workspace-deleted';

export interface StorageFinding {
  workspaceId: string;
  problem: StorageProblem;
  detail: string;
}

export interface StorageVerdict {
  workspaces: { id: string; name: string; verdict: ChainVerdict }[];
  findings: StorageFinding[];
}

export async function verifyAuditStorage(
  db: TeamDb,
  macKey: Buffer,
  headDir: string | null,
  only: readonly string[] = [],
): Promise<StorageVerdict> {
  const workspaces = await db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .$if(only.length > 0, (query) => query.where('id', 'in', only))
    .orderBy('created_at')
    .execute();
  const known = new Set(workspaces.map((w) => w.id));
  const copies = headDir ? await readHeadCopies(headDir, macKey) : new Map();
  const findings: StorageFinding[] = [];
  const results: StorageVerdict['workspaces'] = [];
  for (const workspace of workspaces) {
    const verdict = await verifyWorkspaceAudit(db, workspace.id, macKey);
    results.push({ ...workspace, verdict });
    const copy = copies.get(workspace.id);
    if (!copy) continue;
    const finding = (problem: StorageProblem, detail: string) =>
      findings.push({ workspaceId: workspace.id, problem, detail });
    if (!copy.valid) {
      finding('copy-tampered', 'the head copy outside the database does not carry a valid MAC');
      continue;
    }
    const last = await db
      .selectFrom('audit')
      .select(['seq', 'hash'])
      .where('workspace_id', '=', workspace.id)
      .where('seq', '=', copy.seq)
      .executeTakeFirst();
    if (verdict.count === 0 && copy.seq > 0) {
      finding('wiped', `the log is empty; the copy outside the database has ${copy.seq} entries`);
    } else if (!last) {
      finding('truncated', `entry ${copy.seq} (the last one, per the outside copy) is missing`);
    } else if (last.hash !== copy.hash) {
      finding('rewritten', `entry ${copy.seq} differs from the outside copy's head`);
    }
  }
  if (only.length === 0) {
    for (const [id, copy] of copies) {
      if (!known.has(id)) {
        findings.push({
          workspaceId: id,
          problem: 'workspace-deleted',
          detail: `a head copy (${copy.seq} entries) exists for a workspace the database no longer has`,
        });
      }
    }
    const orphans = await db
      .selectFrom('audit')
      .leftJoin('workspaces', 'workspaces.id', 'audit.workspace_id')
      .select((eb) => ['audit.workspace_id', eb.fn.countAll<number | string>().as('n')])
      .where('workspaces.id', 'is', null)
      .groupBy('audit.workspace_id')
      .execute();
    for (const orphan of orphans) {
      findings.push({
        workspaceId: orphan.workspace_id,
        problem: 'orphaned-entries',
        detail: `${Number(orphan.n)} entries belong to no workspace (its row was deleted)`,
      });
    }
  }
  return { workspaces: results, findings };
}
