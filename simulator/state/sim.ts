import { settle } from './billing';
import { RPROXY_INITIAL_COUNTERS } from './rproxy';
import { Store } from './store';
import type { AccountRec, Counters } from './types';

export interface SimTiming {
  /** How long an operation stays in WAIT, then in RUN (ms; 0 in instant mode). */
  waitMs: number;
  runMs: number;
  /** Simulated hours per real hour for billing (`--speed`; 1 in instant mode). */
  creditSpeed: number;
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
  /** XML-RPC calls per account id and method (memory only: for tests and benchmarks). */
  readonly calls = new Map<number, Map<string, number>>();
  /** `/_sim/slow` rules: the next calls of a method by an account wait before being answered. */
  slowCalls: { accountId: number; method: string; ms: number; remaining: number }[] = [];

  /**
   * How long to hold a call before answering it (and consumes the rule). The state is read after
   * the wait, as a slow upstream would: tests use it to let operations end meanwhile.
   */
  takeSlowCall(apiKey: unknown, method: string): number {
    const account = typeof apiKey === 'string' ? this.accountByKey(apiKey) : undefined;
    if (!account) return 0;
    const rule = this.slowCalls.find((r) => r.accountId === account.id && r.method === method);
    if (!rule) return 0;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.slowCalls = this.slowCalls.filter((r) => r !== rule);
    return rule.ms;
  }

  constructor(
    readonly clock: () => number,
    readonly timing: SimTiming,
    store?: Store,
  ) {
    this.store = store ?? new Store(INITIAL_COUNTERS);
    this.store.onRateChange = (accountId, rate) => settle(this, accountId, rate);
  }

  /** The moment a change happens: an operation's own time while its effect applies, else now. */
  private effectTime: number | null = null;

  billingTime(): number {
    return this.effectTime ?? this.now();
  }

  /** Runs `change` as happening at `at` (operation effects applied late, at the next request). */
  at<T>(at: number, change: () => T): T {
    const outer = this.effectTime;
    this.effectTime = at;
    try {
      return change();
    } finally {
      this.effectTime = outer;
    }
  }

  /** Whole seconds: wire dates carry no sub-second part, so stored times do not either. */
  now(): number {
    return Math.floor(this.clock() / 1000) * 1000;
  }

  accountByKey(apiKey: string): AccountRec | undefined {
    return this.store.accountsByKey.get(apiKey);
  }
}
