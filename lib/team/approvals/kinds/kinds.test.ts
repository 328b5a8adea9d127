import { describe, expect, it } from 'vitest';
import { createDiskSchema } from '@/lib/validation/disk';
import { createPublicIfaceSchema } from '@/lib/validation/network';
import { approvalKind, describeRequest } from '.';

/** What the request actions store: the form's validated input, as JSON. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('kinds of approval requests', () => {
  it("reads back a disk form's validated input as stored, and names it", () => {
    const input = createDiskSchema.parse({
      source: 'empty',
      datacenter_id: '4',
      name: 'scratch',
      size_gb: '20',
      snapshot_profile: '',
    });
    expect(describeRequest('disk.create', stored(input))).toBe(
      'Create disk scratch (empty, 20 GB)',
    );
    const copy = createDiskSchema.parse({
      source: 'disk',
      src_disk_id: '12',
      name: 'copy',
      size_gb: '',
      snapshot_profile: '7',
    });
    expect(describeRequest('disk.create', stored(copy))).toBe('Create disk copy (copy of a disk)');
  });

  it("reads back a public IP form's validated input as stored, and names it", () => {
    const input = createPublicIfaceSchema.parse({
      datacenter_id: '4',
      ip_mode: 'dual',
      bandwidth: '102400',
      vm_id: '33',
    });
    expect(describeRequest('iface.create', stored(input))).toBe(
      'Create a public IP (IPv4 + IPv6) for VM #33',
    );
  });

  it('names deletes by what the operator confirmed', () => {
    expect(describeRequest('vm.delete', { vm_id: 5, hostname: 'web1' })).toBe('Delete VM web1');
    expect(describeRequest('disk.delete', { disk_id: 6, name: 'data' })).toBe('Delete disk data');
    expect(
      describeRequest('iface.delete', { iface_id: 7, label: 'interface #7 (2001:db8::1)' }),
    ).toBe('Delete interface #7 (2001:db8::1)');
  });

  it('names snapshots by their disk, and by their own name when given', () => {
    expect(describeRequest('disk.snapshot', { disk_id: 6, disk_name: 'data', name: '' })).toBe(
      'Snapshot disk data',
    );
    expect(
      describeRequest('disk.snapshot', { disk_id: 6, disk_name: 'data', name: 'before-upgrade' }),
    ).toBe('Snapshot disk data as before-upgrade');
  });

  it('names resizes by the target size', () => {
    const resize = { vm_id: 5, hostname: 'web1', cores: 3, memory: 2048, accept_reboot: false };
    expect(describeRequest('vm.update', resize)).toBe('Resize VM web1 to 3 cores, 2 GB');
    expect(describeRequest('disk.update', { disk_id: 6, name: 'data', size_gb: 40 })).toBe(
      'Grow disk data to 40 GB',
    );
    expect(describeRequest('vm.update', { ...resize, accept_reboot: 'yes' })).toBe(
      'vm.update (unreadable request)',
    );
  });

  it('keeps template launches filed before notes were stored', () => {
    const params = {
      template_id: '2b1f3c56-8a6e-4d3b-9c1a-0e5f4d3c2b1a',
      template_name: 'Small web',
      hostname: 'web2',
    };
    expect(describeRequest('template.launch', params)).toBe('Launch “Small web” as web2');
    expect(describeRequest('template.launch', { ...params, note: 'for the demo' })).toBe(
      'Launch “Small web” as web2 — “for the demo”',
    );
  });

  it('says when a request cannot be read, and knows no other kinds', () => {
    expect(describeRequest('vm.delete', { vm_id: 'five' })).toBe('vm.delete (unreadable request)');
    expect(describeRequest('disk.create', { source: 'empty', name: 'x', extra: 1 })).toBe(
      'disk.create (unreadable request)',
    );
    expect(approvalKind('vm.migrate')).toBe(null);
    for (const action of [
      'vm.create',
      'template.launch',
      'vm.delete',
      'disk.create',
      'iface.create',
    ])
      expect(approvalKind(action)?.action).toBe(action);
    expect(approvalKind('vm.delete')?.creates).toBe(false);
    expect(approvalKind('disk.create')?.creates).toBe(true);
  });
});
