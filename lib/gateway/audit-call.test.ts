import { describe, expect, it } from 'vitest';
import { callAuditEntry } from './audit-call';

const holder = {
  tokenId: 't1',
  tokenName: 'laptop',
  workspaceId: 'w1',
  memberId: 'm1',
  memberEmail: 'op@example.test',
  role: 'operator' as const,
};
const KEY = 'workspacekey000000000001';

describe('callAuditEntry', () => {
  it('names the token, redacts secrets and the workspace key, and stays a few KB', () => {
    const entry = callAuditEntry({
      holder,
      ip: '203.0.113.9',
      method: 'hosting.vm.create_from',
      args: [
        { hostname: 'x'.repeat(1024 * 1024), password: 'hunter2hunter2', note: `key ${KEY}` },
        { name: 'sys' },
        Buffer.alloc(10),
        new Date(Date.UTC(2026, 0, 1)),
      ],
      secrets: [KEY],
      result: 'ok',
    });
    expect(entry.action).toBe('xmlrpc.hosting.vm.create_from');
    const text = JSON.stringify(entry.params);
    expect(text.length).toBeLessThan(4096);
    expect(text).toContain('token laptop');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(KEY);
    expect(text).toContain('[10 bytes]');
    expect(text).toContain('2026-01-01T00:00:00.000Z');
  });
});
