import { DATACENTER_BY_ID } from './state/catalog';
import { advanceOperations } from './state/operations';
import { provisionRunningVm } from './state/provision';
import { seed } from './state/seed';
import { Sim } from './state/sim';
import { Store } from './state/store';
import type { AccountRec } from './state/types';
import { INITIAL_COUNTERS } from './state/sim';

/**
 * The test-and-demo controls behind `/_sim/*` (loopback only) and `simulator.control`. Each
 * mutates state like an API call does, so the server persists it the same way.
 */
export interface SimControl {
  /** Back to the seed state. */
  reset(): void;
  /**
   * A fresh, isolated account with credits and nothing else. `catalog: false` makes
   * `hosting.catalog.list` unsupported for that account only (an endpoint without prices).
   */
  createAccount(input?: { credits?: number; catalog?: boolean }): {
    apiKey: string;
    handle: string;
  };
  /** Running VMs created at once (no operations), for lists and benchmarks. */
  createVms(input: { apiKey: string; count: number; datacenterId?: number }): { vmIds: number[] };
  /** The next `count` operations of `type` for that account end in ERROR. */
  failNext(input: { apiKey: string; type: string; count?: number }): { ok: true };
  /** How many calls of each method the account made (since start or reset; not persisted). */
  calls(input: { apiKey: string }): { calls: Record<string, number> };
  /**
   * The next `count` calls of `method` by that account are answered after `ms` (at most 10 s),
   * from the state at that time (over HTTP only; not persisted).
   */
  slow(input: { apiKey: string; method: string; ms: number; count?: number }): { ok: true };
}

export class ControlError extends Error {}

export const MAX_BULK_VMS = 50_000;
const MAX_SLOW_MS = 10_000;

export function createControl(getSim: () => Sim, replaceStore: (store: Store) => void): SimControl {
  const account = (apiKey: unknown): AccountRec => {
    const found = typeof apiKey === 'string' ? getSim().accountByKey(apiKey) : undefined;
    if (!found) throw new ControlError('unknown apiKey');
    return found;
  };
  return {
    reset() {
      const fresh = new Sim(getSim().clock, getSim().timing, new Store(INITIAL_COUNTERS));
      seed(fresh);
      replaceStore(fresh.store);
    },
    createAccount(input = {}) {
      const sim = getSim();
      const credits = input.credits ?? 1_000_000;
      if (!Number.isInteger(credits) || credits < 0)
        throw new ControlError('credits must be a non-negative integer');
      if (input.catalog !== undefined && typeof input.catalog !== 'boolean')
        throw new ControlError('catalog must be a boolean');
      const id = sim.store.nextId('account');
      // 24 chars of [a-z0-9], unique per account id (left-padded, so no two ids collide).
      const apiKey = 'simacct' + id.toString(36).padStart(17, '0');
      const handle = `SIM${id}-GANDI`;
      sim.store.put('account', {
        id,
        apiKey,
        handle,
        fullname: `Simulated account ${id}`,
        credits,
        cycleDay: new Date(sim.now()).getUTCDate(),
        billedAt: sim.now(),
        dateCreditsExpiration: credits > 0 ? sim.now() + 365 * 86_400_000 : null,
        ...(input.catalog === false ? { catalogUnsupported: true as const } : {}),
      });
      return { apiKey, handle };
    },
    createVms(input) {
      const sim = getSim();
      const owner = account(input.apiKey);
      const count = input.count;
      if (!Number.isInteger(count) || count < 1 || count > MAX_BULK_VMS)
        throw new ControlError(`count must be 1..${MAX_BULK_VMS}`);
      const datacenterId = input.datacenterId ?? 4;
      const dc = DATACENTER_BY_ID.get(datacenterId);
      if (!dc || dc.iaasClosedFor === 'ALL')
        throw new ControlError('datacenterId must be an open datacenter');
      advanceOperations(sim, sim.now());
      const existing = new Set(sim.store.owned('vm', owner.id).map((vm) => vm.hostname));
      const vmIds: number[] = [];
      let n = 0;
      while (vmIds.length < count) {
        n++;
        const hostname = `bulk${String(n).padStart(5, '0')}`;
        if (existing.has(hostname)) continue;
        vmIds.push(
          provisionRunningVm(sim, owner.id, { hostname, datacenterId, memory: 512, cores: 1 }).id,
        );
      }
      return { vmIds };
    },
    failNext(input) {
      const sim = getSim();
      const owner = account(input.apiKey);
      const count = input.count ?? 1;
      if (typeof input.type !== 'string' || !/^[a-z_]{3,40}$/.test(input.type))
        throw new ControlError('type must be an operation type');
      if (!Number.isInteger(count) || count < 1)
        throw new ControlError('count must be a positive integer');
      sim.store.setFailRules([
        ...sim.store.failRules,
        { accountId: owner.id, type: input.type, remaining: count },
      ]);
      return { ok: true };
    },
    calls(input) {
      const owner = account(input.apiKey);
      return { calls: Object.fromEntries(getSim().calls.get(owner.id) ?? []) };
    },
    slow(input) {
      const owner = account(input.apiKey);
      const count = input.count ?? 1;
      if (typeof input.method !== 'string' || !/^[a-z_.]{3,60}$/.test(input.method))
        throw new ControlError('method must be an XML-RPC method name');
      if (!Number.isInteger(input.ms) || input.ms < 1 || input.ms > MAX_SLOW_MS)
        throw new ControlError(`ms must be 1..${MAX_SLOW_MS}`);
      if (!Number.isInteger(count) || count < 1)
        throw new ControlError('count must be a positive integer');
      const sim = getSim();
      sim.slowCalls = [
        ...sim.slowCalls,
        { accountId: owner.id, method: input.method, ms: input.ms, remaining: count },
      ];
      return { ok: true };
    },
  };
}
