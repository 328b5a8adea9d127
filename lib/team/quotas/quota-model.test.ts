import { describe, expect, it } from 'vitest';
import {
  creationDelta,
  diskGrowDelta,
  left,
  newDiskDelta,
  publicIpDelta,
  resizeDelta,
  usageOf,
  violations,
  type OwnedVm,
} from './quota-model';

const PRICES = { core: 168, ramGb: 120, diskGb: 135, snapshotGb: 135, ipv4: 210, ipv6: 0 };
const vm = (over: Partial<OwnedVm> = {}): OwnedVm => ({
  cores: 2,
  memoryMb: 2048,
  state: 'running',
  diskMb: 10_240,
  ipv4: 1,
  ipv6: 1,
  ...over,
});

describe('quota accounting', () => {
  it('sums owned VMs and loose disks; a halted VM burns no cores or RAM', () => {
    const usage = usageOf(
      [vm(), vm({ state: 'halted', cores: 1, memoryMb: 1024, ipv4: 0 })],
      [{ sizeMb: 5120 }],
      PRICES,
    );
    expect(usage).toEqual({
      vms: 2,
      cores: 3,
      memoryMb: 3072,
      diskMb: 25_600,
      ipv4: 1,
      creditsPerHour: 2 * 168 + 2 * 120 + 10 * 135 + 210 + 10 * 135 + 5 * 135,
      // Load balancers are counted by usageFor (from the API), not from VMs and disks.
      rproxies: 0,
    });
  });

  it('a deleted VM frees its share', () => {
    const before = usageOf([vm(), vm()], [], PRICES);
    const after = usageOf([vm(), vm({ state: 'being_deleted' })], [], PRICES);
    expect(before.vms - after.vms).toBe(1);
    expect(before.cores - after.cores).toBe(2);
    expect(violations({ vms: 1 }, before, { vms: 1 })).toHaveLength(1);
    expect(violations({ vms: 2 }, after, { vms: 1 })).toEqual([]);
  });

  it('a creation counts a VM and its resources; at quota it is refused', () => {
    const usage = usageOf([vm()], [], PRICES);
    const delta = creationDelta(
      { cores: 2, memoryMb: 2048, diskMb: 10_240, ipv4: 1, ipv6: 1 },
      PRICES,
    );
    expect(violations({ vms: 2, cores: 4 }, usage, delta)).toEqual([]);
    expect(violations({ vms: 1, cores: 3 }, usage, delta).map((v) => v.key)).toEqual([
      'vms',
      'cores',
    ]);
    expect(violations({ creditsPerHour: 4000 }, usage, delta)).toEqual([
      { key: 'creditsPerHour', limit: 4000, used: 2136, requested: 2136 },
    ]);
  });

  it('a resize counts only its difference, growing past the quota is refused, shrinking never', () => {
    const usage = usageOf([vm({ cores: 1 })], [], PRICES);
    expect(
      violations(
        { cores: 4 },
        usage,
        resizeDelta(
          { cores: 1, memoryMb: 2048, state: 'running' },
          { cores: 4, memoryMb: 2048 },
          PRICES,
        ),
      ),
    ).toEqual([]);
    expect(
      violations(
        { cores: 4 },
        usage,
        resizeDelta(
          { cores: 1, memoryMb: 2048, state: 'running' },
          { cores: 5, memoryMb: 2048 },
          PRICES,
        ),
      ),
    ).toEqual([{ key: 'cores', limit: 4, used: 1, requested: 4 }]);
    // Already over (the quota was lowered): shrinking is still allowed.
    expect(
      violations(
        { cores: 1, memoryMb: 1024 },
        usageOf([vm()], [], PRICES),
        resizeDelta(
          { cores: 2, memoryMb: 2048, state: 'running' },
          { cores: 1, memoryMb: 1024 },
          PRICES,
        ),
      ),
    ).toEqual([]);
    // A halted VM's resize does not change the burn.
    expect(
      resizeDelta(
        { cores: 1, memoryMb: 1024, state: 'halted' },
        { cores: 2, memoryMb: 1024 },
        PRICES,
      ),
    ).toEqual({ cores: 1, memoryMb: 0 });
  });

  it('what is left, never negative, only for set limits', () => {
    const usage = usageOf([vm()], [], PRICES);
    expect(left({ vms: 3, cores: 1, ipv4: null }, usage)).toEqual({ vms: 2, cores: 0 });
  });

  it('a new disk (empty, copy or snapshot) counts its whole size, as usage will once it exists', () => {
    const usage = usageOf([vm()], [{ sizeMb: 5120 }], PRICES);
    expect(usage.diskMb).toBe(15_360);
    const delta = newDiskDelta(5120, PRICES);
    expect(delta).toEqual({ diskMb: 5120, creditsPerHour: 5 * 135 });
    // At a 20 GB quota, 15 GB used: another 5 GB fits exactly, 6 GB does not.
    expect(violations({ diskMb: 20_480 }, usage, delta)).toEqual([]);
    expect(violations({ diskMb: 20_480 }, usage, newDiskDelta(6144, PRICES))).toEqual([
      { key: 'diskMb', limit: 20_480, used: 15_360, requested: 6144 },
    ]);
    // Once created, the usage is exactly the check's sum.
    const after = usageOf([vm()], [{ sizeMb: 5120 }, { sizeMb: 5120 }], PRICES);
    expect(after.diskMb).toBe(usage.diskMb + 5120);
    expect(after.creditsPerHour).toBe(usage.creditsPerHour + (delta.creditsPerHour ?? 0));
    expect(newDiskDelta(1024, null)).toEqual({ diskMb: 1024 });
  });

  it('a disk resize counts only its growth', () => {
    const usage = usageOf([vm()], [], PRICES);
    const grow = diskGrowDelta(10_240, 20_480, PRICES);
    expect(grow).toEqual({ diskMb: 10_240, creditsPerHour: 10 * 135 });
    expect(violations({ diskMb: 20_480 }, usage, grow)).toEqual([]);
    expect(violations({ diskMb: 20_479 }, usage, grow)).toEqual([
      { key: 'diskMb', limit: 20_479, used: 10_240, requested: 10_240 },
    ]);
    // Unchanged size (a rename) asks for nothing, so it passes even at quota.
    expect(diskGrowDelta(10_240, 10_240, PRICES)).toEqual({ diskMb: 0, creditsPerHour: 0 });
    expect(violations({ diskMb: 0 }, usage, diskGrowDelta(10_240, 10_240, PRICES))).toEqual([]);
  });

  it('a new public IP counts one IPv4 in dual mode, none when IPv6-only', () => {
    const usage = usageOf([vm()], [], PRICES);
    expect(publicIpDelta('dual', PRICES)).toEqual({ ipv4: 1, creditsPerHour: 210 });
    expect(publicIpDelta('ipv6', PRICES)).toEqual({ ipv4: 0, creditsPerHour: 0 });
    expect(violations({ ipv4: 1 }, usage, publicIpDelta('dual', PRICES))).toEqual([
      { key: 'ipv4', limit: 1, used: 1, requested: 1 },
    ]);
    expect(violations({ ipv4: 1 }, usage, publicIpDelta('ipv6', PRICES))).toEqual([]);
  });
});
