import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainEntry,
  GENESIS_HASH,
  verifyChain,
  type AuditEntryContent,
  type ChainedAuditEntry,
} from './chain';
import { redactParams, REDACTED } from './redact';

function content(seq: number, action = 'vm.start'): AuditEntryContent {
  return {
    workspaceId: 'ws',
    seq,
    ts: new Date(Date.UTC(2026, 10, 27, 12, 0, seq)).toISOString(),
    memberId: 'm1',
    memberEmail: 'op@example.test',
    ip: '127.0.0.1',
    action,
    resource: `vm:${100 + seq}`,
    params: JSON.stringify({ vm_id: 100 + seq }),
    result: 'ok',
    message: null,
    operations: JSON.stringify([{ id: 500 + seq }]),
  };
}

function buildChain(length: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const entry = chainEntry(prev, content(seq));
    entries.push(entry);
    prev = entry.hash;
  }
  return entries;
}

function headOf(entries: ChainedAuditEntry[]) {
  const last = entries.at(-1);
  return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

describe('audit hash chain', () => {
  it('links each entry to the previous hash and verifies', () => {
    const entries = buildChain(5);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[3]?.prevHash).toBe(entries[2]?.hash);
    expect(verifyChain(entries, headOf(entries))).toEqual({
      ok: true,
      count: 5,
      headHash: entries[4]?.hash,
    });
    expect(verifyChain([], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, count: 0 });
  });

  it('detects an edited entry', () => {
    const entries = buildChain(5);
    const head = headOf(entries);
    entries[2] = { ...entries[2]!, params: JSON.stringify({ vm_id: 999 }) };
    expect(verifyChain(entries, head)).toMatchObject({ ok: false, seq: 3, problem: 'edited' });
  });

  it('detects an edited result even when the attacker recomputes that entry’s own hash', () => {
    const entries = buildChain(5);
    const head = headOf(entries);
    entries[1] = chainEntry(entries[1]!.prevHash, { ...entries[1]!, result: 'refused' });
    // Entry 2 now checks out on its own, but entry 3 no longer follows it.
    expect(verifyChain(entries, head)).toMatchObject({ ok: false, seq: 3, problem: 'reordered' });
  });

  it('detects a deleted entry, in the middle and at the end', () => {
    const entries = buildChain(5);
    const head = headOf(entries);
    expect(verifyChain([...entries.slice(0, 2), ...entries.slice(3)], head)).toMatchObject({
      ok: false,
      seq: 4,
      problem: 'deleted',
    });
    expect(verifyChain(entries.slice(0, 4), head)).toMatchObject({
      ok: false,
      problem: 'deleted',
    });
  });

  it('detects reordered entries (sequence numbers swapped)', () => {
    const entries = buildChain(5);
    const head = headOf(entries);
    const swapped = [
      entries[0]!,
      { ...entries[2]!, seq: 2 },
      { ...entries[1]!, seq: 3 },
      entries[3]!,
      entries[4]!,
    ];
    expect(verifyChain(swapped, head)).toMatchObject({ ok: false, seq: 2, problem: 'reordered' });
  });

  it('hashes canonical JSON: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: null }] })).toBe('{"a":[{"x":null,"y":2}],"b":1}');
    const a = chainEntry(GENESIS_HASH, content(1));
    const reordered = Object.fromEntries(Object.entries(content(1)).reverse()) as AuditEntryContent;
    expect(chainEntry(GENESIS_HASH, reordered).hash).toBe(a.hash);
    expect(chainEntry(GENESIS_HASH, { ...content(1), ip: '10.0.0.1' }).hash).not.toBe(a.hash);
  });
});

describe('audit parameter redaction', () => {
  it('removes passwords, keys, tokens and listed fields, and any string carrying a secret', () => {
    const apiKey = 'demoaccount0000000000001';
    const redacted = redactParams(
      {
        hostname: 'web1',
        password: 'hunter2hunter2',
        apiKey,
        invite_token: 'abc',
        value: 'ssh-ed25519 AAAA',
        nested: [{ note: `copy of ${apiKey}` }],
        memory: 512,
      },
      { extraKeys: ['value'], secrets: [apiKey] },
    );
    expect(redacted).toEqual({
      hostname: 'web1',
      password: REDACTED,
      apiKey: REDACTED,
      invite_token: REDACTED,
      value: REDACTED,
      nested: [{ note: REDACTED }],
      memory: 512,
    });
  });
});
