import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A copy of each workspace's audit head kept outside the database (one small file per workspace,
 * 0600 in a 0700 directory), MACed with the chain's key. The database alone can then no longer
 * hide a cut: a truncated tail or a wiped log falls behind the copy, and a deleted workspace row
 * leaves a copy without a workspace. `npm run audit:verify` compares both (see the README).
 */

export interface HeadCopy {
  workspaceId: string;
  seq: number;
  hash: string;
}

const FILE = /^([0-9a-f-]{36})\.json$/;

function tagOf(macKey: Buffer, head: HeadCopy): string {
  return createHmac('sha256', macKey)
    .update(`audit-head|${head.workspaceId}|${head.seq}|${head.hash}`, 'utf8')
    .digest('hex');
}

/** Writes the head (atomically: a temporary file renamed); never moves it back. */
export async function writeHeadCopy(dir: string, macKey: Buffer, head: HeadCopy): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${head.workspaceId}.json`);
  const current = await readOne(file, macKey);
  if (current && current.seq >= head.seq) return;
  const body = JSON.stringify({
    workspaceId: head.workspaceId,
    seq: head.seq,
    hash: head.hash,
    tag: tagOf(macKey, head),
  });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, body, { mode: 0o600 });
  await rename(temporary, file);
}

type ReadCopy = (HeadCopy & { valid: boolean }) | null;

async function readOne(file: string, macKey: Buffer): Promise<ReadCopy> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return null;
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
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    return { ...head, valid };
  } catch {
    return { workspaceId: path.basename(file, '.json'), seq: 0, hash: '', valid: false };
  }
}

/** Every copy in `dir` (an absent directory holds none), with whether its MAC holds. */
export async function readHeadCopies(
  dir: string,
  macKey: Buffer,
): Promise<Map<string, HeadCopy & { valid: boolean }>> {
  const copies = new Map<string, HeadCopy & { valid: boolean }>();
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return copies;
  }
  for (const name of names) {
    const match = FILE.exec(name);
    if (!match) continue;
    const copy = await readOne(path.join(dir, name), macKey);
    if (copy) copies.set(match[1]!, copy);
  }
  return copies;
}
