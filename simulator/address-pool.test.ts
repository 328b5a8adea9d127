import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { allocatePublicAddress, poolSize } from './state/address-pool';
import { provisionRunningVm } from './state/provision';
import { seed } from './state/seed';
import { Sim } from './state/sim';
import { deleteVm } from './state/relations';
import type { IpRec } from './state/types';

/** Public addresses come from per-datacenter pools and are never handed out twice while in use. */
describe('address pools', () => {
  const fresh = () => {
    const sim = new Sim(() => Date.UTC(2026, 0, 1), { waitMs: 0, runMs: 0, creditSpeed: 1 });
    seed(sim);
    return { sim, account: sim.accountByKey(DEMO_API_KEY)!.id };
  };
  it('70,000 VMs in one datacenter get 70,000 distinct IPv4 and IPv6 addresses and reverse names', () => {
    // The allocator and the store's index of addresses in use, at scale, in-process: a VM's
    // public iface gets exactly these two allocations (assignAddress), and the suite stays fast.
    const { sim, account } = fresh();
    const seeded = sim.store.tables.ip.size;
    for (let i = 0; i < 70_000; i++) {
      for (const version of [4, 6] as const) {
        const ip: IpRec = {
          id: sim.store.nextId('ip'),
          accountId: account,
          ip: null,
          version,
          num: version === 4 ? 0 : 1,
          state: 'created',
          reverse: null,
          ifaceId: -1,
          datacenterId: 4,
          entityId: '',
          dateCreated: 0,
          dateUpdated: 0,
        };
        allocatePublicAddress(sim, ip);
        sim.store.put('ip', ip);
      }
    }
    const all = [...sim.store.tables.ip.values()];
    expect(all.length).toBe(seeded + 140_000);
    for (const version of [4, 6] as const) {
      const addresses = all.filter((ip) => ip.version === version && ip.datacenterId === 4);
      expect(addresses.length).toBeGreaterThanOrEqual(70_000);
      expect(new Set(addresses.map((ip) => ip.ip)).size).toBe(addresses.length);
      expect(new Set(addresses.map((ip) => ip.reverse)).size).toBe(addresses.length);
    }
    // Past the first /16 (64,516 hosts) the next block of the same datacenter is used.
    expect(all.some((ip) => ip.ip!.startsWith('155.134.'))).toBe(true);
  });

  it('skips addresses in use when the cursor wraps around, and reuses released ones only then', () => {
    const { sim, account } = fresh();
    const first = provisionRunningVm(sim, account, {
      hostname: 'a',
      datacenterId: 5,
      memory: 512,
      cores: 1,
    });
    const firstIp = sim.store.get('ip', sim.store.get('iface', first.ifacesId[0]!)!.ipsId[0]!)!.ip;
    // Near the end of the pool: the next allocations wrap to the start, where `a` holds index 0.
    sim.store.setPoolCursor('v4:5', poolSize(5, 4) - 1);
    const wrapped = [1, 2].map((n) => {
      const vm = provisionRunningVm(sim, account, {
        hostname: `w${n}`,
        datacenterId: 5,
        memory: 512,
        cores: 1,
      });
      return sim.store.get('ip', sim.store.get('iface', vm.ifacesId[0]!)!.ipsId[0]!)!.ip;
    });
    expect(wrapped).not.toContain(firstIp);
    expect(new Set([firstIp, ...wrapped]).size).toBe(3);
    // Once `a` is gone its address is free again, but the cursor has moved past it.
    deleteVm(sim, first, sim.now());
    const later = provisionRunningVm(sim, account, {
      hostname: 'b',
      datacenterId: 5,
      memory: 512,
      cores: 1,
    });
    const laterIp = sim.store.get('ip', sim.store.get('iface', later.ifacesId[0]!)!.ipsId[0]!)!.ip;
    expect([firstIp, ...wrapped]).not.toContain(laterIp);
  });
});
