/**
 * Several writers share the head copies' directory (concurrent appends in one process, replicas on
 * one volume): whatever order their writes land in, the copy ends at the longest head and never
 * moves back, and a reader never sees half a file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHeadCopies, writeHeadCopy } from './head-copy';

const KEY = Buffer.alloc(32, 7);
const WORKSPACE = '0b7f5f8e-8a0e-4c0b-9a51-3c7f1d2e4a10';
const hashOf = (seq: number) => seq.toString(16).padStart(64, '0');
const head = (seq: number) => ({ workspaceId: WORKSPACE, seq, hash: hashOf(seq) });

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});
function freshDir(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'audit-heads-race-'));
  return path.join(dir, 'heads');
}

/** A fixed permutation of 1..n (deterministic: a linear congruential shuffle). */
function shuffled(n: number): number[] {
  const values = Array.from({ length: n }, (_, i) => i + 1);
  let state = 42;
  for (let i = values.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
}

describe('head copies with concurrent writers', () => {
  it('end at the longest head whatever order interleaved writes land in', async () => {
    const heads = freshDir();
    await Promise.all(shuffled(40).map((seq) => writeHeadCopy(heads, KEY, head(seq))));
    const copy = (await readHeadCopies(heads, KEY)).get(WORKSPACE);
    expect(copy).toEqual({ ...head(40), valid: true });
    // The shorter heads were pruned; no temporary file was left behind.
    expect(readdirSync(heads)).toEqual([`${WORKSPACE}.40.json`]);
  });

  it('never move back: a shorter head written later leaves the longer one', async () => {
    const heads = freshDir();
    await writeHeadCopy(heads, KEY, head(9));
    await writeHeadCopy(heads, KEY, head(4));
    expect((await readHeadCopies(heads, KEY)).get(WORKSPACE)).toEqual({ ...head(9), valid: true });
  });

  it('end at the longest head when two processes write at once', async () => {
    const heads = freshDir();
    const writer = path.join(dir, 'writer.mts');
    const headCopyModule = path.resolve(__dirname, 'head-copy.ts');
    // Each process writes every other seq, as two replicas appending to one workspace would.
    writeFileSync(
      writer,
      `import { writeHeadCopy } from ${JSON.stringify(headCopyModule)};
const [, , heads, first] = process.argv;
const key = Buffer.alloc(32, 7);
const writes = [];
for (let seq = Number(first); seq <= 60; seq += 2) {
  writes.push(writeHeadCopy(heads, key, { workspaceId: ${JSON.stringify(WORKSPACE)}, seq, hash: seq.toString(16).padStart(64, '0') }));
}
await Promise.all(writes);
`,
    );
    const run = (first: number) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', writer, heads, String(first)], {
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        child.on('error', reject);
        child.on('exit', resolve);
      });
    expect(await Promise.all([run(1), run(2)])).toEqual([0, 0]);
    const copy = (await readHeadCopies(heads, KEY)).get(WORKSPACE);
    expect(copy).toEqual({ ...head(60), valid: true });
  });

  it('reads a copy renamed to another seq, or altered, as tampered', async () => {
    const heads = freshDir();
    await writeHeadCopy(heads, KEY, head(3));
    // Someone "extends" the head by renaming the file: the content still says 3.
    const { renameSync } = await import('node:fs');
    renameSync(path.join(heads, `${WORKSPACE}.3.json`), path.join(heads, `${WORKSPACE}.8.json`));
    expect((await readHeadCopies(heads, KEY)).get(WORKSPACE)?.valid).toBe(false);
    writeFileSync(path.join(heads, `${WORKSPACE}.9.json`), '{"seq":9');
    expect((await readHeadCopies(heads, KEY)).get(WORKSPACE)).toMatchObject({
      seq: 9,
      valid: false,
    });
  });

  it('still reads the single copy file written before one file per head', async () => {
    const heads = freshDir();
    await writeHeadCopy(heads, KEY, head(5));
    const { renameSync } = await import('node:fs');
    renameSync(path.join(heads, `${WORKSPACE}.5.json`), path.join(heads, `${WORKSPACE}.json`));
    expect((await readHeadCopies(heads, KEY)).get(WORKSPACE)).toEqual({ ...head(5), valid: true });
    // The next write supersedes it and removes it.
    await writeHeadCopy(heads, KEY, head(6));
    expect(readdirSync(heads)).toEqual([`${WORKSPACE}.6.json`]);
  });
});
