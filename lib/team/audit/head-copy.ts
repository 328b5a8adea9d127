import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A copy of each workspace's audit head kept outside the database (small files, 0600 in a 0700
 * directory), MACed with the chain's key. The database alone can then no longer hide a cut: a
 * truncated tail or a wiped log falls behind the copy, and a deleted workspace row leaves a copy
 * without a workspace. `npm run audit:verify` compares both (see the README).
 *
 * Several writers share the directory (concurrent appends in one process, replicas on a shared
 * volume): each head is its own file, `<workspace>.<seq>.json`, written whole under a temporary
 * name and renamed, so a reader never sees half a file and no writer can replace a longer head
 * with a shorter one; the head is the highest seq present. A writer then removes the copies below
 * the highest it sees — never that one, so the head can only move forward.
 */

export interface HeadCopy {
  workspaceId: string;
  seq: number;
  hash: string;
}

export type ReadHeadCopy = HeadCopy & { valid: boolean };

// `<id>.<seq>.json`; `<id>.json` is the single copy written before heads had one file per seq.
const FILE = /^([0-9a-f-]{36})(?:\.(\d+))?\.json$/;

function tagOf(macKey: Buffer, head: HeadCopy): string {
  return createHmac('sha256', macKey)
    .update(`audit-head|${head.workspaceId}|${head.seq}|${head.hash}`, 'utf8')
    .digest('hex');
}

/** Records `head` as the workspace's copy unless a longer one is already there. */
export async function writeHeadCopy(dir: string, macKey: Buffer, head: HeadCopy): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const body = JSON.stringify({
    workspaceId: head.workspaceId,
    seq: head.seq,
    hash: head.hash,
    tag: tagOf(macKey, head),
  });
  const file = path.join(dir, `${head.workspaceId}.${head.seq}.json`);
  const temporary = path.join(dir, `.${head.workspaceId}.${randomBytes(8).toString('hex')}.tmp`);
  await writeFile(temporary, body, { mode: 0o600 });
  await rename(temporary, file);
  await pruneBelowHighest(dir, head.workspaceId);
}

/** The workspace's copy files, by the seq in their names (the legacy single file counts as 0). */
async function filesOf(dir: string, workspaceId: string): Promise<{ name: string; seq: number }[]> {
  const names = await readdir(dir);
  return names.flatMap((name) => {
    const match = FILE.exec(name);
    if (!match || match[1] !== workspaceId) return [];
    return [{ name, seq: match[2] === undefined ? 0 : Number(match[2]) }];
  });
}

async function pruneBelowHighest(dir: string, workspaceId: string): Promise<void> {
  const files = await filesOf(dir, workspaceId);
  const highest = Math.max(...files.map((file) => file.seq));
  for (const file of files) {
    if (file.seq >= highest) continue;
    // Another writer may have removed it first.
    await unlink(path.join(dir, file.name)).catch(() => undefined);
  }
}

/** The copy in `file`; null when it is gone (a writer pruned it after a longer one appeared). */
async function readOne(
  file: string,
  macKey: Buffer,
  named: HeadCopy,
): Promise<ReadHeadCopy | null> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { ...named, valid: false };
  }
  try {
    const value = JSON.parse(raw) as Partial<HeadCopy> & { tag?: unknown };
    const head = {
      workspaceId: String(value.workspaceId),
      seq: Number(value.seq),
      hash: String(value.hash),
    };
    const expected = Buffer.from(tagOf(macKey, head), 'hex');
    const given = Buffer.from(typeof value.tag === 'string' ? value.tag : '', 'hex');
    const macHolds = given.length === expected.length && timingSafeEqual(given, expected);
    // A valid copy renamed to another workspace or seq is a copy moved, not this head. The
    // legacy single file names no seq: its content says it.
    const nameHolds =
      head.workspaceId === named.workspaceId && (named.seq === 0 || head.seq === named.seq);
    return { ...head, valid: macHolds && nameHolds };
  } catch {
    return { ...named, valid: false };
  }
}

/** The workspace's highest copy (looked for again when a writer pruned it in between). */
async function readHead(
  dir: string,
  macKey: Buffer,
  workspaceId: string,
): Promise<ReadHeadCopy | null> {
  for (;;) {
    const files = await filesOf(dir, workspaceId);
    if (files.length === 0) return null;
    const highest = files.reduce((a, b) => (b.seq > a.seq ? b : a));
    const copy = await readOne(path.join(dir, highest.name), macKey, {
      workspaceId,
      seq: highest.seq,
      hash: '',
    });
    if (copy) return copy;
  }
}

/**
 * Each workspace's head in `dir` (an absent directory holds none): its highest copy, with whether
 * its MAC holds.
 */
export async function readHeadCopies(
  dir: string,
  macKey: Buffer,
): Promise<Map<string, ReadHeadCopy>> {
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return new Map();
  }
  const workspaceIds = new Set(names.flatMap((name) => FILE.exec(name)?.[1] ?? []));
  const copies = new Map<string, ReadHeadCopy>();
  for (const workspaceId of workspaceIds) {
    const copy = await readHead(dir, macKey, workspaceId);
    if (copy) copies.set(workspaceId, copy);
  }
  return copies;
}
