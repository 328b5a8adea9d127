/**
 * Cutting the audit chain, as someone who can rewrite the database (not the portal's key, not
 * the head copies' directory) would: each cut used to verify, each is now detected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamStore } from '../store/team-store';
import { freshTestDb } from '../testing/fresh-db';
import { canonicalJson, GENESIS_HASH } from './chain';
import { createHash } from 'node:crypto';
import { verifyAuditStorage } from './verify-storage';

const KEY = Buffer.alloc(32, 9);
const openDb = freshTestDb('sqlite');
let headDir = '';

afterEach(() => {
  if (headDir) rmSync(headDir, { recursive: true, force: true });
});

async function setup(entries = 3) {
  const opened = await openDb();
  headDir = mkdtempSync(path.join(tmpdir(), 'audit-heads-'));
  const store = new TeamStore(opened.db, opened.dialect, KEY, undefined, headDir);
  const { workspace, owner } = await store.createWorkspace({
    name: 'Ops',
    endpointId: 'simulator',
    handle: 'AB1234-GANDI',
    apiKey: 'a'.repeat(24),
    ownerEmail: 'owner@example.test',
    ownerPasswordHash: 'x',
  });
  for (let i = 0; i < entries; i++) {
    await store.appendAudit(workspace.id, {
      memberId: owner.id,
      memberEmail: owner.email,
      ip: null,
      action: 'vm.start',
      resource: `vm:${i + 1}`,
      params: {},
      result: 'ok',
    });
  }
  // Tampering goes around the portal, straight to the file (foreign keys off, as an attacker may).
  const raw = new Database(opened.file!);
  raw.pragma('foreign_keys = OFF');
  const check = () => verifyAuditStorage(opened.db, store.auditMacKey, headDir);
  return { store, workspaceId: workspace.id, raw, check };
}

const problems = (findings: { problem: string }[]) => findings.map((f) => f.problem);

describe('audit:verify catches what the database alone could hide', () => {
  it('passes an intact log', async () => {
    const { check, raw } = await setup();
    const result = await check();
    expect(result.workspaces[0]?.verdict).toMatchObject({ ok: true, count: 3 });
    expect(result.findings).toEqual([]);
    raw.close();
  });

  it('detects a cut tail whose stored head was moved back with it', async () => {
    const { check, raw, workspaceId } = await setup();
    const second = raw
      .prepare('select hash from audit where workspace_id = ? and seq = 2')
      .get(workspaceId) as { hash: string };
    raw.prepare('delete from audit where workspace_id = ? and seq = 3').run(workspaceId);
    raw
      .prepare('update workspaces set audit_head_seq = 2, audit_head_hash = ? where id = ?')
      .run(second.hash, workspaceId);
    raw.close();
    const result = await check();
    // The chain in the database is consistent again; the copy outside it is not fooled.
    expect(result.workspaces[0]?.verdict.ok).toBe(true);
    expect(problems(result.findings)).toEqual(['truncated']);
  });

  it('detects a wiped log', async () => {
    const { check, raw, workspaceId } = await setup();
    raw.prepare('delete from audit where workspace_id = ?').run(workspaceId);
    raw
      .prepare('update workspaces set audit_head_seq = 0, audit_head_hash = ? where id = ?')
      .run(GENESIS_HASH, workspaceId);
    raw.close();
    expect(problems((await check()).findings)).toEqual(['wiped']);
  });

  it('detects a deleted workspace row and its orphaned entries', async () => {
    const { check, raw, workspaceId } = await setup();
    raw.prepare('delete from members where workspace_id = ?').run(workspaceId);
    raw.prepare('delete from workspaces where id = ?').run(workspaceId);
    raw.close();
    expect(problems((await check()).findings).sort()).toEqual([
      'orphaned-entries',
      'workspace-deleted',
    ]);
  });

  it('refuses a chain rebuilt without the key (edited, then re-hashed with sha256)', async () => {
    const { check, raw, workspaceId } = await setup();
    type Row = Record<string, unknown> & { seq: number; hash: string; prev_hash: string };
    const rows = raw
      .prepare('select * from audit where workspace_id = ? order by seq')
      .all(workspaceId) as Row[];
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const content = {
        workspaceId,
        seq: row.seq,
        ts: row.ts,
        memberId: row.member_id,
        memberEmail: row.member_email,
        ip: row.ip,
        action: row.seq === 2 ? 'vm.stop' : row.action,
        resource: row.resource,
        params: row.params,
        result: row.result,
        message: row.message,
        operations: row.operations,
      };
      const hash = createHash('sha256').update(prev).update(canonicalJson(content)).digest('hex');
      raw
        .prepare(
          'update audit set action = ?, prev_hash = ?, hash = ? where workspace_id = ? and seq = ?',
        )
        .run(content.action, prev, hash, workspaceId, row.seq);
      prev = hash;
    }
    raw.prepare('update workspaces set audit_head_hash = ? where id = ?').run(prev, workspaceId);
    raw.close();
    const result = await check();
    expect(result.workspaces[0]?.verdict).toMatchObject({ ok: false, seq: 1, problem: 'edited' });
    expect(problems(result.findings)).toEqual(['rewritten']);
  });
});
