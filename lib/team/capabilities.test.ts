import { describe, expect, it } from 'vitest';
import { capability } from './capabilities';

describe('capability (the roles matrix, read for one control)', () => {
  it('a personal session may do everything', () => {
    expect(capability(null, 'vm.delete')).toEqual({ allowed: true });
  });
  it('a viewer may read, not change, with the reason', () => {
    const viewer = { role: 'viewer' as const, memberId: 'v' };
    expect(capability(viewer, 'vm.read')).toEqual({ allowed: true });
    expect(capability(viewer, 'vm.stop')).toEqual({
      allowed: false,
      reason: 'Viewers can look but not change anything.',
    });
  });
  it('an operator acts on what they created only', () => {
    const operator = { role: 'operator' as const, memberId: 'op' };
    expect(capability(operator, 'vm.reboot', 'op')).toEqual({ allowed: true });
    expect(capability(operator, 'vm.reboot', 'someone-else').allowed).toBe(false);
    expect(capability(operator, 'vm.reboot', null).allowed).toBe(false);
    expect(capability(operator, 'vm.create')).toEqual({ allowed: true });
  });
  it('owner-only actions are refused to admins', () => {
    expect(capability({ role: 'admin', memberId: 'a' }, 'members.invite').allowed).toBe(false);
    expect(capability({ role: 'admin', memberId: 'a' }, 'vm.delete').allowed).toBe(true);
  });
});
