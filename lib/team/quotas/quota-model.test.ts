import { describe, expect, it } from 'vitest';
import { creationDelta, left, resizeDelta, usageOf, violations, type OwnedVm } from './quota-model';

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
});
