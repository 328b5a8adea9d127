import { describe, expect, it } from 'vitest';
import {
  attachDiskSchema,
  attachProblem,
  confirmNameProblem,
  copySizeProblem,
  createDiskSchema,
  deleteDiskSchema,
  defaultSnapshotName,
  deleteProblem,
  detachProblem,
  diskNameProblem,
  kernelProblem,
  kernelSchema,
  mbToGb,
  migrateDiskSchema,
  migrateProblem,
  positionProblem,
  resizeProblem,
  rollbackProblem,
  sizeGbProblem,
  snapshotProblem,
  snapshotProfileSchema,
  snapshotSchema,
  updateDiskSchema,
  type DiskFacts,
} from './disk';

const dataDisk: DiskFacts = {
  name: 'data1',
  type: 'data',
  datacenterId: 4,
  vmIds: [],
  canSnapshot: true,
  snapshotIds: [70, 71],
};
const vm = { id: 9, hostname: 'web1', state: 'running', datacenterId: 4, diskCount: 1 };

function fieldErrors(result: { success: boolean; error?: unknown }): Record<string, string[]> {
  if (result.success) return {};
  const issues = (result.error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

describe('disk name', () => {
  it('accepts letters, digits, dots, hyphens and underscores', () => {
    expect(diskNameProblem('data-1_backup.v2')).toBeNull();
    expect(diskNameProblem('a'.repeat(255))).toBeNull();
  });
  it('refuses empty, too long, bad characters and a leading symbol', () => {
    expect(diskNameProblem('')).toMatch(/Enter a disk name/);
    expect(diskNameProblem('a'.repeat(256))).toMatch(/at most 255/);
    expect(diskNameProblem('my disk')).toMatch(/letters, digits/);
    expect(diskNameProblem('disque-été')).toMatch(/letters, digits/);
    expect(diskNameProblem('-data')).toMatch(/starting with a letter or digit/);
    expect(diskNameProblem('.hidden')).toMatch(/starting with a letter or digit/);
  });
});

describe('size in GB', () => {
  it('accepts whole GB between 1 and 1024', () => {
    expect(sizeGbProblem(1)).toBeNull();
    expect(sizeGbProblem(1024)).toBeNull();
  });
  it('refuses fractions, zero, negatives and too large', () => {
    expect(sizeGbProblem(1.5)).toMatch(/whole number/);
    expect(sizeGbProblem(0)).toMatch(/at least 1 GB/);
    expect(sizeGbProblem(-3)).toMatch(/at least 1 GB/);
    expect(sizeGbProblem(1025)).toMatch(/at most 1024 GB/);
    expect(sizeGbProblem(Number.NaN)).toMatch(/whole number/);
  });
  it('shows MB as whole GB rounded up', () => {
    expect(mbToGb(3072)).toBe(3);
    expect(mbToGb(3073)).toBe(4);
  });
});

describe('resize (grow only)', () => {
  it('accepts a larger size and the same size', () => {
    expect(resizeProblem(4, 3072)).toBeNull();
    expect(resizeProblem(3, 3072)).toBeNull();
  });
  it('refuses shrinking, saying the smallest allowed size', () => {
    expect(resizeProblem(2, 3072)).toBe('A disk cannot be made smaller: choose at least 3 GB.');
  });
  it('applies the basic size rules first', () => {
    expect(resizeProblem(2000, 3072)).toMatch(/at most 1024/);
  });
});

describe('copy size', () => {
  it('must hold the source', () => {
    expect(copySizeProblem(3, 3072)).toBeNull();
    expect(copySizeProblem(2, 3072)).toMatch(/at least 3 GB/);
    expect(copySizeProblem(0, 1024)).toMatch(/at least 1 GB/);
  });
});

describe('kernel', () => {
  const available = ['3.12-x86_64 (hvm)', 'grub', 'raw'];
  it('must be one offered in the datacenter', () => {
    expect(kernelProblem('grub', available)).toBeNull();
    expect(kernelProblem('', available)).toMatch(/Choose a kernel/);
    expect(kernelProblem('2.4-ancient', available)).toMatch(/offered in this datacenter/);
  });
});

describe('position', () => {
  it('is a whole number from 0 to 15', () => {
    expect(positionProblem(0)).toBeNull();
    expect(positionProblem(15)).toBeNull();
    expect(positionProblem(16)).toMatch(/0 to 15/);
    expect(positionProblem(-1)).toMatch(/0 to 15/);
    expect(positionProblem(1.5)).toMatch(/0 to 15/);
  });
});

describe('relations between a disk and a VM', () => {
  it('attach: same datacenter, not already attached', () => {
    expect(attachProblem(dataDisk, vm)).toBeNull();
    expect(attachProblem({ ...dataDisk, datacenterId: 5 }, vm)).toMatch(/another datacenter/);
    expect(attachProblem({ ...dataDisk, vmIds: [3] }, vm)).toMatch(/already attached/);
    expect(attachProblem({ ...dataDisk, type: 'snapshot' }, vm)).toMatch(/create a disk from it/);
  });
  it('attach: the position is at most the VM disk count', () => {
    expect(attachProblem(dataDisk, vm, 0)).toBeNull();
    expect(attachProblem(dataDisk, vm, 1)).toBeNull();
    expect(attachProblem(dataDisk, vm, 2)).toBe(
      'web1 has 1 disk: choose a position from 0 to 1, or leave it empty.',
    );
  });
  it('detach: the system disk only from a halted VM', () => {
    expect(detachProblem(0, { hostname: 'web1', state: 'running' })).toBe(
      'This is the system disk of web1: stop the VM before detaching it.',
    );
    expect(detachProblem(0, { hostname: 'web1', state: 'halted' })).toBeNull();
    expect(detachProblem(1, { hostname: 'web1', state: 'running' })).toBeNull();
  });
  it('snapshot: not of a snapshot, and only when the API allows it', () => {
    expect(snapshotProblem(dataDisk)).toBeNull();
    expect(snapshotProblem({ ...dataDisk, type: 'snapshot', canSnapshot: false })).toMatch(
      /cannot itself/,
    );
    expect(snapshotProblem({ ...dataDisk, canSnapshot: false })).toMatch(/does not allow/);
  });
  it('rollback: only from one of the disk own snapshots', () => {
    expect(rollbackProblem(dataDisk, 71)).toBeNull();
    expect(rollbackProblem(dataDisk, 99)).toMatch(/does not belong/);
  });
  it('rollback: the VM using the disk must be halted', () => {
    expect(rollbackProblem(dataDisk, 70, { hostname: 'web1', state: 'running' })).toBe(
      'Stop web1 first: a disk is rolled back only while its VM is halted.',
    );
    expect(rollbackProblem(dataDisk, 70, { hostname: 'web1', state: 'halted' })).toBeNull();
  });
  it('delete: refused while attached, with the VM named', () => {
    expect(deleteProblem(dataDisk, null)).toBeNull();
    expect(deleteProblem({ ...dataDisk, vmIds: [9] }, 'web1')).toBe(
      'This disk is attached to web1: detach it before deleting it.',
    );
    expect(deleteProblem({ ...dataDisk, vmIds: [9] }, null)).toMatch(/attached to a VM/);
  });
  it('delete: the typed name must match exactly', () => {
    expect(confirmNameProblem('data1', 'data1')).toBeNull();
    expect(confirmNameProblem('DATA1', 'data1')).toMatch(/Type data1 exactly/);
  });
  it('migrate: detached, and only to an allowed datacenter', () => {
    expect(migrateProblem(dataDisk, 4, [4])).toBeNull();
    expect(migrateProblem({ ...dataDisk, vmIds: [9] }, 4, [4])).toMatch(/Detach/);
    expect(migrateProblem(dataDisk, 4, [])).toMatch(/offers no migration/);
    expect(migrateProblem(dataDisk, 5, [4])).toMatch(/can migrate to/);
  });
});

describe('create schema', () => {
  it('an empty disk needs a datacenter and a size', () => {
    const ok = createDiskSchema.safeParse({
      source: 'empty',
      datacenter_id: '4',
      name: 'd1',
      size_gb: '10',
    });
    expect(ok.success && ok.data).toMatchObject({
      source: 'empty',
      datacenter_id: 4,
      size_gb: 10,
      snapshot_profile: null,
    });
    const missing = createDiskSchema.safeParse({ source: 'empty', name: 'd1', size_gb: '' });
    expect(fieldErrors(missing)).toMatchObject({
      datacenter_id: ['Choose a datacenter.'],
      size_gb: ['Enter the size.'],
    });
  });
  it('a copy needs its source disk; an image copy its image', () => {
    expect(fieldErrors(createDiskSchema.safeParse({ source: 'disk', name: 'd1' }))).toMatchObject({
      src_disk_id: ['Choose the disk to copy.'],
    });
    expect(
      fieldErrors(createDiskSchema.safeParse({ source: 'image', name: 'd1', image_disk_id: 'x' })),
    ).toMatchObject({
      image_disk_id: ['Choose an image.'],
    });
    const copy = createDiskSchema.safeParse({
      source: 'disk',
      name: 'd1',
      src_disk_id: '12',
      size_gb: '',
    });
    expect(copy.success && copy.data).toMatchObject({ src_disk_id: 12, size_gb: undefined });
  });
  it('refuses an unknown source, a bad name, a bad size and a bad profile', () => {
    const bad = createDiskSchema.safeParse({
      source: 'cloud',
      name: 'a b',
      size_gb: '2.5',
      snapshot_profile: 'abc',
    });
    const errors = fieldErrors(bad);
    expect(errors.source).toEqual(['Choose what the disk starts with.']);
    expect(errors.name?.[0]).toMatch(/letters, digits/);
    expect(errors.size_gb?.[0]).toMatch(/whole number/);
    expect(errors.snapshot_profile).toEqual(['Choose a snapshot profile from the list.']);
  });
  it('refuses a size that is not a number', () => {
    expect(
      fieldErrors(
        createDiskSchema.safeParse({
          source: 'empty',
          datacenter_id: '4',
          name: 'd',
          size_gb: 'ten',
        }),
      ).size_gb?.[0],
    ).toMatch(/must be a number/);
  });
});

describe('update, kernel, profile, attach, delete, migrate schemas', () => {
  it('update needs a valid name and size', () => {
    expect(updateDiskSchema.safeParse({ disk_id: '3', name: 'n', size_gb: '4' }).success).toBe(
      true,
    );
    expect(
      fieldErrors(updateDiskSchema.safeParse({ disk_id: '3', name: '', size_gb: '' })),
    ).toMatchObject({
      name: ['Enter a disk name.'],
      size_gb: ['Enter the size.'],
    });
    expect(updateDiskSchema.safeParse({ disk_id: 'abc', name: 'n', size_gb: '4' }).success).toBe(
      false,
    );
  });
  it('kernel parses the command line into the API struct', () => {
    const parsed = kernelSchema.safeParse({
      disk_id: '3',
      kernel: 'grub',
      cmdline: 'root=/dev/sda ro',
    });
    expect(parsed.success && parsed.data.cmdline).toEqual({ root: '/dev/sda', ro: true });
    expect(
      fieldErrors(kernelSchema.safeParse({ disk_id: '3', kernel: '', cmdline: 'ro ro' })),
    ).toMatchObject({
      kernel: ['Choose a kernel.'],
      cmdline: ['"ro" is given twice.'],
    });
  });
  it('snapshot profile: empty means remove', () => {
    const none = snapshotProfileSchema.safeParse({ disk_id: '3', snapshot_profile: '' });
    expect(none.success && none.data.snapshot_profile).toBeNull();
    const set = snapshotProfileSchema.safeParse({ disk_id: '3', snapshot_profile: '2' });
    expect(set.success && set.data.snapshot_profile).toBe(2);
    expect(snapshotProfileSchema.safeParse({ disk_id: '3', snapshot_profile: '-1' }).success).toBe(
      false,
    );
  });
  it('attach: a VM, an optional position, read-only as a checkbox', () => {
    const parsed = attachDiskSchema.safeParse({
      disk_id: '3',
      vm_id: '9',
      position: '',
      read_only: 'on',
    });
    expect(parsed.success && parsed.data).toEqual({
      disk_id: 3,
      vm_id: 9,
      position: undefined,
      read_only: true,
    });
    expect(
      fieldErrors(attachDiskSchema.safeParse({ disk_id: '3', vm_id: '', position: '99' })),
    ).toMatchObject({
      vm_id: ['Choose a VM.'],
      position: ['The position is a whole number from 0 to 15.'],
    });
  });
  it('delete needs the typed name; migrate a datacenter', () => {
    expect(
      fieldErrors(deleteDiskSchema.safeParse({ disk_id: '3', confirm_name: ' ' })),
    ).toMatchObject({
      confirm_name: ['Type the disk name to confirm.'],
    });
    expect(
      fieldErrors(migrateDiskSchema.safeParse({ disk_id: '3', datacenter_id: '' })),
    ).toMatchObject({
      datacenter_id: ['Choose a datacenter.'],
    });
  });
});

describe('snapshot names', () => {
  it('defaults to the disk name and the UTC time, whatever the zone', () => {
    const at = new Date(Date.UTC(2026, 10, 27, 19, 5, 3));
    expect(defaultSnapshotName('data1', at)).toBe('data1-snap-20261127-190503');
    const long = defaultSnapshotName('d'.repeat(255), at);
    expect(long).toHaveLength(255);
    expect(diskNameProblem(long)).toBeNull();
  });
  it('accepts a blank name (generated) or a valid one, refuses a bad one', () => {
    const blank = snapshotSchema.safeParse({ disk_id: '3', name: '  ' });
    expect(blank.success && blank.data.name).toBe('');
    expect(snapshotSchema.safeParse({ disk_id: '3', name: 'before-upgrade' }).success).toBe(true);
    expect(
      fieldErrors(snapshotSchema.safeParse({ disk_id: '3', name: 'before upgrade' })).name?.[0],
    ).toMatch(/letters, digits/);
  });
});
