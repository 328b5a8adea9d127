import { describe, expect, it } from 'vitest';
import {
  diskSizeDelta,
  publicIpDelta,
  snapshotProfileDelta,
  vmCreationDelta,
  vmResizeDelta,
} from './deltas';

describe('form deltas', () => {
  it('a new VM: cores, RAM, system disk in MB and its public addresses', () => {
    expect(vmCreationDelta({ cores: '2', memoryMb: '2048', diskGb: '10', ipMode: 'dual' })).toEqual(
      { cores: 2, memoryMb: 2048, diskMb: 10_240, ipv4: 1, ipv6: 1 },
    );
    expect(vmCreationDelta({ cores: 1, memoryMb: 512, diskGb: 3, ipMode: 'ipv6' })).toEqual({
      cores: 1,
      memoryMb: 512,
      diskMb: 3072,
      ipv6: 1,
    });
    expect(
      vmCreationDelta({ cores: 1, memoryMb: 512, diskGb: 3, ipMode: 'dual', privateOnly: true }),
    ).toEqual({ cores: 1, memoryMb: 512, diskMb: 3072 });
  });

  it('waits while a value is empty or not a number', () => {
    expect(vmCreationDelta({ cores: '', memoryMb: '512', diskGb: '3', ipMode: 'dual' })).toBe(null);
    expect(vmResizeDelta({ cores: 1, memory: 512 }, { cores: 'x', memoryMb: 512 })).toBe(null);
    expect(diskSizeDelta('')).toBe(null);
    expect(diskSizeDelta('-3')).toBe(null);
  });

  it('prices nothing the form would refuse (no +13.5 M credits/hour for a typo)', () => {
    const vm = { cores: '2', memoryMb: '2048', diskGb: '10', ipMode: 'dual' };
    expect(vmCreationDelta({ ...vm, memoryMb: '99999999' })).toBe(null);
    expect(vmCreationDelta({ ...vm, memoryMb: '1000' })).toBe(null);
    expect(vmCreationDelta({ ...vm, cores: '64' })).toBe(null);
    expect(vmCreationDelta({ ...vm, diskGb: '5000' })).toBe(null);
    expect(vmCreationDelta({ ...vm, diskGb: '2.5' })).toBe(null);
    expect(vmResizeDelta({ cores: 1, memory: 512 }, { cores: 1, memoryMb: '70000' })).toBe(null);
    expect(diskSizeDelta('99999')).toBe(null);
  });

  it('a resize and a disk growth count only the difference', () => {
    expect(vmResizeDelta({ cores: 2, memory: 2048 }, { cores: '1', memoryMb: '3072' })).toEqual({
      cores: -1,
      memoryMb: 1024,
    });
    expect(diskSizeDelta('15', 10_240)).toEqual({ diskMb: 5120 });
  });

  it('public IPs and snapshot profiles', () => {
    expect(publicIpDelta('dual')).toEqual({ ipv4: 1, ipv6: 1 });
    expect(publicIpDelta('ipv6')).toEqual({ ipv6: 1 });
    expect(publicIpDelta(null)).toEqual({});
    expect(snapshotProfileDelta(10_240, null, 1.7)).toEqual({ snapshotMb: 7168 });
    expect(snapshotProfileDelta(10_240, 1.7, 1.2)).toEqual({ snapshotMb: 2048 - 7168 });
    expect(snapshotProfileDelta(10_240, 2, null)).toEqual({ snapshotMb: -10_240 });
  });
});
