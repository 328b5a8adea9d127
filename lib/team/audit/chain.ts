import { createHash, createHmac, hkdfSync } from 'node:crypto';

/**
 * The audit chain: `hash = HMAC-SHA256(key, prev_hash || canonical JSON of the entry)`, the key
 * derived from the portal's encryption key (never stored in the database), so that someone who
 * can rewrite the database cannot rebuild a consistent chain. The entry includes its sequence
 * number, so moving, dropping or editing a row breaks the chain at that row. Entries written
 * before the key was used (up to the workspace's `audit_legacy_until`) keep their plain sha256.
 */

/** The chain's MAC key: HKDF of the portal encryption key (a key of its own, for this use). */
export function auditMacKey(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, 'gandi-panel', 'audit-chain-mac-v1', 32));
}

export const GENESIS_HASH = '0'.repeat(64);

/** Every stored column of an audit row except the two hashes. */
export interface AuditEntryContent {
  workspaceId: string;
  seq: number;
  ts: string;
  memberId: string | null;
  memberEmail: string | null;
  ip: string | null;
  action: string;
  resource: string | null;
  /** JSON text, as stored. */
  params: string;
  result: string;
  message: string | null;
  /** JSON text, as stored. */
  operations: string;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** With `macKey` the keyed MAC (every new entry); without, the legacy sha256. */
export function entryHash(prevHash: string, entry: AuditEntryContent, macKey?: Buffer): string {
  const content: AuditEntryContent = {
    workspaceId: entry.workspaceId,
    seq: entry.seq,
    ts: entry.ts,
    memberId: entry.memberId,
    memberEmail: entry.memberEmail,
    ip: entry.ip,
    action: entry.action,
    resource: entry.resource,
    params: entry.params,
    result: entry.result,
    message: entry.message,
    operations: entry.operations,
  };
  return (macKey ? createHmac('sha256', macKey) : createHash('sha256'))
    .update(prevHash, 'utf8')
    .update(canonicalJson(content), 'utf8')
    .digest('hex');
}

export function chainEntry(
  prevHash: string,
  entry: AuditEntryContent,
  macKey?: Buffer,
): ChainedAuditEntry {
  return { ...entry, prevHash, hash: entryHash(prevHash, entry, macKey) };
}

export interface ChainKeys {
  macKey?: Buffer;
  /** Entries up to this seq were written before the MAC (plain sha256). */
  legacyUntil?: number;
}

export type ChainProblem = 'edited' | 'deleted' | 'reordered';

export type ChainVerdict =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; seq: number; problem: ChainProblem; detail: string };

/**
 * Checks entries read in `seq` order. `head` is the last seq/hash recorded beside the chain (the
 * workspace row), which also catches entries cut off the end.
 */
export function verifyChain(
  entries: readonly ChainedAuditEntry[],
  head?: { seq: number; hash: string },
  keys: ChainKeys = {},
): ChainVerdict {
  const keyFor = (seq: number) =>
    keys.macKey && seq > (keys.legacyUntil ?? 0) ? keys.macKey : undefined;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    const fail = (problem: ChainProblem, detail: string): ChainVerdict => ({
      ok: false,
      count: entries.length,
      seq: entry.seq,
      problem,
      detail,
    });
    if (entry.seq > expectedSeq) {
      return fail('deleted', `entries ${expectedSeq}–${entry.seq - 1} are missing`);
    }
    if (entry.seq < expectedSeq) return fail('reordered', `entry ${entry.seq} appears twice`);
    if (entry.prevHash !== prevHash) {
      return fail('reordered', `entry ${entry.seq} does not follow entry ${entry.seq - 1}`);
    }
    if (entryHash(prevHash, entry, keyFor(entry.seq)) !== entry.hash) {
      return fail('edited', `entry ${entry.seq} was changed after it was written`);
    }
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  const last = expectedSeq - 1;
  if (head && (head.seq !== last || head.hash !== prevHash)) {
    return {
      ok: false,
      count: entries.length,
      seq: Math.min(head.seq, last + 1),
      problem: head.seq > last ? 'deleted' : 'edited',
      detail:
        head.seq > last
          ? `entries after ${last} are missing (the log had ${head.seq})`
          : 'the recorded end of the log does not match its entries',
    };
  }
  return { ok: true, count: entries.length, headHash: prevHash };
}
