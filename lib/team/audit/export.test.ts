import { describe, expect, it } from 'vitest';
import { chainEntry, GENESIS_HASH } from './chain';
import { auditToCsv, auditToJson } from './export';

const entry = chainEntry(GENESIS_HASH, {
  workspaceId: 'ws',
  seq: 1,
  ts: '2026-11-27T12:00:00.000Z',
  memberId: 'm1',
  memberEmail: 'op@example.test',
  ip: '127.0.0.1',
  action: 'vm.delete',
  resource: 'vm:7',
  params: JSON.stringify({ vm_id: 7, confirm_hostname: '=cmd()' }),
  result: 'refused',
  message: 'Your role, "Viewer", does not allow this.',
  operations: '[]',
});

describe('audit export', () => {
  it('writes CSV with quoting and formula neutralising', () => {
    const csv = auditToCsv([entry]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'seq,ts,memberEmail,memberId,ip,action,resource,result,message,params,operations,prevHash,hash',
    );
    expect(row).toContain('"Your role, ""Viewer"", does not allow this."');
    expect(row).toContain('"{""vm_id"":7,""confirm_hostname"":""=cmd()""}"');
    expect(row?.endsWith(entry.hash)).toBe(true);
    expect(auditToCsv([{ ...entry, memberEmail: '=HYPERLINK(1)' }])).toContain("'=HYPERLINK(1)");
  });

  it('writes JSON with parameters as objects', () => {
    const [parsed] = JSON.parse(auditToJson([entry])) as [{ params: unknown; hash: string }];
    expect(parsed.params).toEqual({ vm_id: 7, confirm_hostname: '=cmd()' });
    expect(parsed.hash).toBe(entry.hash);
  });
});
