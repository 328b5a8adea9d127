import { describe, expect, it } from 'vitest';
import {
  decide,
  isMutating,
  isSelfService,
  ROLES,
  TEAM_ACTIONS,
  type Role,
  type TeamAction,
} from './roles';

/**
 * The whole matrix, written out independently of the rules in roles.ts: every action × every role.
 * A = allow, O = only on resources the member created, - = deny. Columns: owner admin operator viewer.
 */
const EXPECTED: Record<TeamAction, string> = {
  'vm.read': 'AAAA',
  'vm.create': 'AAA-',
  'vm.start': 'AAO-',
  'vm.stop': 'AAO-',
  'vm.reboot': 'AAO-',
  'vm.update': 'AAO-',
  'vm.delete': 'AAO-',
  'vm.migrate': 'AAO-',
  'vm.attach': 'AAO-',
  'vm.detach': 'AAO-',
  'vm.console': 'AAO-',
  'disk.read': 'AAAA',
  'disk.create': 'AAA-',
  'disk.update': 'AAO-',
  'disk.delete': 'AAO-',
  'disk.attach': 'AAO-',
  'disk.detach': 'AAO-',
  'disk.snapshot': 'AAO-',
  'disk.rollback': 'AAO-',
  'disk.migrate': 'AAO-',
  'iface.read': 'AAAA',
  'iface.create': 'AAA-',
  'iface.update': 'AAO-',
  'iface.delete': 'AAO-',
  'iface.attach': 'AAO-',
  'iface.detach': 'AAO-',
  'ip.read': 'AAAA',
  'ip.create': 'AAA-',
  'ip.update': 'AAO-',
  'ip.delete': 'AAO-',
  'ip.attach': 'AAO-',
  'ip.detach': 'AAO-',
  'vlan.read': 'AAAA',
  'vlan.create': 'AA--',
  'vlan.update': 'AA--',
  'vlan.delete': 'AA--',
  'rproxy.read': 'AAAA',
  'rproxy.create': 'AA--',
  'rproxy.update': 'AA--',
  'rproxy.delete': 'AA--',
  'ssh.read': 'AAAA',
  'ssh.create': 'AA--',
  'ssh.delete': 'AA--',
  'operation.read': 'AAAA',
  'operation.cancel': 'AAO-',
  'account.read': 'AAAA',
  'catalog.read': 'AAAA',
  'metric.read': 'AAAA',
  'members.read': 'AA--',
  'members.invite': 'A---',
  'members.update': 'A---',
  'members.remove': 'A---',
  'workspace.read': 'AAAA',
  'workspace.key.replace': 'A---',
  'audit.read': 'AA--',
  'template.read': 'AAAA',
  'template.manage': 'AA--',
  'template.launch': 'AAA-',
  'quota.read': 'AAAA',
  'quota.manage': 'AA--',
  'approval.read': 'AAAA',
  'approval.request': 'AAA-',
  'approval.decide': 'AA--',
  'token.read': 'AAAA',
  'token.create': 'AAAA',
  'token.revoke': 'AAAA',
  'token.manage': 'AA--',
};

const LETTER = { allow: 'A', own: 'O', deny: '-' } as const;

describe('roles matrix', () => {
  it('lists every action exactly once in the expected table', () => {
    expect([...TEAM_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of TEAM_ACTIONS) {
    for (const [index, role] of ROLES.entries()) {
      it(`${role} × ${action}`, () => {
        expect(LETTER[decide(role as Role, action)]).toBe(EXPECTED[action][index]);
      });
    }
  }

  it('lets a viewer do nothing that changes anything but their own tokens', () => {
    const changes = TEAM_ACTIONS.filter((action) => isMutating(action) && !isSelfService(action));
    expect(changes.length).toBeGreaterThan(30);
    for (const action of changes) expect(decide('viewer', action)).toBe('deny');
  });
});
