import { describe, expect, it } from 'vitest';
import { buildCreateFromCall, formatCreateFromCall, systemDiskName } from './vm-create-call';

const input = {
  datacenter_id: 4,
  src_disk_id: 17945187,
  hostname: 'web1',
  cores: 2,
  memory: 1024,
  disk_size: 10240,
  ip_mode: 'dual' as const,
  bandwidth: 102400,
  password: 's3cret-pass',
  ssh_key_ids: [12, 15],
};

describe('buildCreateFromCall', () => {
  it('maps the wizard input onto vm_spec, disk_spec and src_disk_id', () => {
    expect(buildCreateFromCall(input)).toEqual({
      vmSpec: {
        datacenter_id: 4,
        hostname: 'web1',
        memory: 1024,
        cores: 2,
        ip_version: 4,
        bandwidth: 102400,
        password: 's3cret-pass',
        keys: [12, 15],
      },
      diskSpec: { datacenter_id: 4, name: 'sys_web1', size: 10240 },
      srcDiskId: 17945187,
    });
  });

  it('sends ip_version 6 for IPv6 only and leaves out an empty password and no keys', () => {
    const call = buildCreateFromCall({ ...input, ip_mode: 'ipv6', password: '', ssh_key_ids: [] });
    expect(call.vmSpec.ip_version).toBe(6);
    expect(call.vmSpec).not.toHaveProperty('password');
    expect(call.vmSpec).not.toHaveProperty('keys');
  });

  it('names the system disk like gandi.cli (no dots, 15 characters)', () => {
    expect(systemDiskName('a-very-long-hostname')).toBe('sys_a-very-long');
  });
});

describe('formatCreateFromCall', () => {
  it('masks the key and the password and shows everything else', () => {
    const text = formatCreateFromCall(buildCreateFromCall(input));
    expect(text).toContain('hosting.vm.create_from(');
    expect(text).toContain('apikey="••••"');
    expect(text).toContain('"password": "••••"');
    expect(text).not.toContain('s3cret-pass');
    expect(text).toContain('"hostname": "web1"');
    expect(text).toContain('src_disk_id=17945187');
  });
});

describe('buildCreateFromCall on a private VLAN only', () => {
  const onVlan = { ...input, vlan_id: 8352 };
  it('gives the VM the private interface instead of ip_version and bandwidth', () => {
    const call = buildCreateFromCall(onVlan, 434673);
    expect(call.vmSpec.iface_id).toBe(434673);
    expect(call.vmSpec).not.toHaveProperty('ip_version');
    expect(call.vmSpec).not.toHaveProperty('bandwidth');
  });
  it('names the interface still to be created in the reviewed call', () => {
    const text = formatCreateFromCall(buildCreateFromCall(onVlan));
    expect(text).toContain('"iface_id": "<the private interface, created first>"');
    expect(text).not.toContain('ip_version');
  });
});
