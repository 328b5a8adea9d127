import { RPROXY_INITIAL_COUNTERS } from './rproxy';
import { Store } from './store';
import type { AccountRec, Counters } from './types';

export interface SimTiming {
  /** How long an operation stays in WAIT, then in RUN (ms; 0 in instant mode). */
  waitMs: number;
  runMs: number;
}

/** First ids, at the magnitudes of the 2018 recordings. */
export const INITIAL_COUNTERS: Counters = {
  vm: 350000,
  disk: 24660000,
  iface: 434000,
  ip: 573000,
  vlan: 8350,
  ssh: 1340,
  op: 138400000,
  account: 2920670,
  vlanUuid: 437,
  ...RPROXY_INITIAL_COUNTERS,
};

/** The state plus the clock and timing every handler needs. */
export class Sim {
  store: Store;

  constructor(
    readonly clock: () => number,
    readonly timing: SimTiming,
    store?: Store,
  ) {
    this.store = store ?? new Store(INITIAL_COUNTERS);
  }

  /** Whole seconds: wire dates carry no sub-second part, so stored times do not either. */
  now(): number {
    return Math.floor(this.clock() / 1000) * 1000;
  }

  accountByKey(apiKey: string): AccountRec | undefined {
    return this.store.accountsByKey.get(apiKey);
  }
}
