import { RPROXY_INITIAL_COUNTERS, type DnsValidationRec, type RproxyRec } from './rproxy';
import type {
  AccountRec,
  Counters,
  DiskRec,
  FailRule,
  Id,
  IfaceRec,
  IpRec,
  OperationRec,
  SshKeyRec,
  VlanRec,
  VmRec,
} from './types';
import { recordRate } from './billing';
import { lockKeys } from './locks';

export interface RecordKinds {
  account: AccountRec;
  vm: VmRec;
  disk: DiskRec;
  iface: IfaceRec;
  ip: IpRec;
  vlan: VlanRec;
  ssh: SshKeyRec;
  op: OperationRec;
  rproxy: RproxyRec;
  dnsValidation: DnsValidationRec;
}

export type Kind = keyof RecordKinds;
export const KINDS: readonly Kind[] = [
  'account',
  'vm',
  'disk',
  'iface',
  'ip',
  'vlan',
  'ssh',
  'op',
  'rproxy',
  'dnsValidation',
];

/** The whole mutable state as JSON (what a snapshot file holds). */
export interface SerializedState {
  version: 1;
  counters: Counters;
  failRules: FailRule[];
  records: { [K in Kind]: RecordKinds[K][] };
}

/** What changed since the last flush: one journal entry. */
export interface ChangeSet {
  counters: Counters;
  failRules: FailRule[];
  puts: { kind: Kind; rec: RecordKinds[Kind] }[];
  dels: { kind: Kind; id: Id }[];
}

const BILLED = new Set<Kind>(['vm', 'disk', 'ip']);

const FINAL_STEPS = new Set(['DONE', 'ERROR', 'CANCEL', 'SUPPORT']);

/**
 * In-memory tables keyed by id, with dirty tracking: every change goes through `put`/`del` so
 * that the persistence layer can journal exactly what a request changed.
 */
export class Store {
  readonly tables: { [K in Kind]: Map<Id, RecordKinds[K]> } = {
    account: new Map(),
    vm: new Map(),
    disk: new Map(),
    iface: new Map(),
    ip: new Map(),
    vlan: new Map(),
    ssh: new Map(),
    op: new Map(),
    rproxy: new Map(),
    dnsValidation: new Map(),
  };
  readonly accountsByKey = new Map<string, AccountRec>();
  /** Operations not yet in a final step, in creation (= id) order. */
  pendingOps: Id[] = [];
  failRules: FailRule[] = [];
  counters: Counters;
  private dirty = new Map<string, { kind: Kind; id: Id }>();
  private dirtyMeta = false;

  constructor(counters: Counters) {
    // State saved before the Web Accelerator existed has no rproxy counters.
    this.counters = { ...RPROXY_INITIAL_COUNTERS, ...counters };
  }

  /** Each billed record's credits per hour, and their sum per account (billing.ts). */
  private rates = new Map<string, number>();
  private accountRates = new Map<Id, number>();
  /** Called before an account's rate changes, with the rate in force until then. */
  onRateChange: ((accountId: Id, rate: number) => void) | null = null;

  rateOf(accountId: Id): number {
    return this.accountRates.get(accountId) ?? 0;
  }

  private rerate(kind: Kind, key: string, rec: RecordKinds[Kind] | null, accountId: Id): void {
    const rate = rec ? recordRate(kind, rec, (id) => this.tables.iface.get(id)) : 0;
    const old = this.rates.get(key) ?? 0;
    if (rate === old) return;
    const total = this.accountRates.get(accountId) ?? 0;
    this.onRateChange?.(accountId, total);
    if (rate === 0) this.rates.delete(key);
    else this.rates.set(key, rate);
    this.accountRates.set(accountId, total - old + rate);
  }

  /** How many IPs hold each address (public ones are unique; private ones repeat per VLAN). */
  private addresses = new Map<string, number>();
  private addressOf = new Map<Id, string>();

  addressInUse(address: string): boolean {
    return (this.addresses.get(address) ?? 0) > 0;
  }

  poolCursor(key: string): number {
    return this.counters.pools?.[key] ?? 0;
  }

  setPoolCursor(key: string, value: number): void {
    this.counters.pools = { ...this.counters.pools, [key]: value };
    this.dirtyMeta = true;
  }

  private indexAddress(id: Id, address: string | null): void {
    const old = this.addressOf.get(id);
    if (old === (address ?? undefined)) return;
    if (old !== undefined) {
      const n = (this.addresses.get(old) ?? 1) - 1;
      if (n > 0) this.addresses.set(old, n);
      else this.addresses.delete(old);
      this.addressOf.delete(id);
    }
    if (address) {
      this.addresses.set(address, (this.addresses.get(address) ?? 0) + 1);
      this.addressOf.set(id, address);
    }
  }

  /** Unfinished operations by the objects they keep busy (see locks.ts). */
  private busy = new Map<string, Set<Id>>();
  private opLocks = new Map<Id, string[]>();

  /** The id of an unfinished operation on that object, if any. */
  busyWith(kind: string, id: Id): Id | undefined {
    const ops = this.busy.get(`${kind}:${id}`);
    if (!ops) return undefined;
    for (const op of ops) return op;
    return undefined;
  }

  private relock(id: Id, keys: string[]): void {
    for (const key of this.opLocks.get(id) ?? []) {
      const set = this.busy.get(key);
      set?.delete(id);
      if (set?.size === 0) this.busy.delete(key);
    }
    if (keys.length === 0) this.opLocks.delete(id);
    else this.opLocks.set(id, keys);
    for (const key of keys) {
      let set = this.busy.get(key);
      if (!set) this.busy.set(key, (set = new Set()));
      set.add(id);
    }
  }

  get<K extends Kind>(kind: K, id: Id): RecordKinds[K] | undefined {
    return this.tables[kind].get(id) as RecordKinds[K] | undefined;
  }

  put<K extends Kind>(kind: K, rec: RecordKinds[K]): void {
    const table = this.tables[kind] as Map<Id, RecordKinds[K]>;
    const isNew = !table.has(rec.id);
    table.set(rec.id, rec);
    if (kind === 'account') this.accountsByKey.set((rec as AccountRec).apiKey, rec as AccountRec);
    if (kind === 'ip') this.indexAddress(rec.id, (rec as IpRec).ip);
    if (BILLED.has(kind)) {
      const key = kind + ':' + String(rec.id);
      this.rerate(kind, key, rec, (rec as { accountId: Id }).accountId);
    }
    if (kind === 'op') {
      const op = rec as OperationRec;
      const final = FINAL_STEPS.has(op.step);
      if (isNew && !final) this.pendingOps.push(rec.id);
      if (!final || this.opLocks.has(op.id)) this.relock(op.id, final ? [] : lockKeys(op));
    }
    this.dirty.set(kind + ':' + String(rec.id), { kind, id: rec.id });
  }

  del(kind: Kind, id: Id): void {
    const rec = this.tables[kind].get(id);
    if (!rec) return;
    this.tables[kind].delete(id);
    if (kind === 'op') this.relock(id, []);
    if (kind === 'ip') this.indexAddress(id, null);
    if (BILLED.has(kind))
      this.rerate(kind, kind + ':' + String(id), null, (rec as { accountId: Id }).accountId);
    if (kind === 'account') this.accountsByKey.delete((rec as AccountRec).apiKey);
    this.dirty.set(kind + ':' + String(id), { kind, id });
  }

  nextId(kind: Exclude<keyof Counters, 'pools'>): Id {
    this.dirtyMeta = true;
    return this.counters[kind]++;
  }

  setFailRules(rules: FailRule[]): void {
    this.failRules = rules;
    this.dirtyMeta = true;
  }

  /** All records of a kind belonging to an account, in id order. */
  owned<K extends Exclude<Kind, 'account'>>(kind: K, accountId: Id): RecordKinds[K][] {
    const out: RecordKinds[K][] = [];
    for (const rec of (this.tables[kind] as Map<Id, RecordKinds[K]>).values()) {
      if ((rec as { accountId: Id }).accountId === accountId) out.push(rec);
    }
    return out;
  }

  hasChanges(): boolean {
    return this.dirty.size > 0 || this.dirtyMeta;
  }

  /** The changes since the last call, as a journal entry (serialize it at once: records are shared); clears the dirty set. */
  takeChanges(): ChangeSet {
    const puts: ChangeSet['puts'] = [];
    const dels: ChangeSet['dels'] = [];
    for (const { kind, id } of this.dirty.values()) {
      const rec = this.tables[kind].get(id);
      if (rec) puts.push({ kind, rec });
      else dels.push({ kind, id });
    }
    this.dirty.clear();
    this.dirtyMeta = false;
    return {
      counters: { ...this.counters },
      failRules: structuredClone(this.failRules),
      puts,
      dels,
    };
  }

  applyChanges(change: ChangeSet): void {
    for (const { kind, rec } of change.puts) this.put(kind, rec as never);
    for (const { kind, id } of change.dels) this.del(kind, id);
    this.counters = { ...RPROXY_INITIAL_COUNTERS, ...change.counters };
    this.failRules = change.failRules;
  }

  serialize(): SerializedState {
    const records = {} as SerializedState['records'];
    for (const kind of KINDS)
      (records as Record<Kind, unknown[]>)[kind] = [...this.tables[kind].values()];
    return { version: 1, counters: { ...this.counters }, failRules: this.failRules, records };
  }

  static fromSerialized(state: SerializedState): Store {
    const store = new Store(state.counters);
    for (const kind of KINDS) {
      for (const rec of state.records[kind] ?? []) store.put(kind, rec as never);
    }
    store.pendingOps.sort((a, b) => a - b);
    store.failRules = state.failRules;
    store.rebuildRates();
    store.dirty.clear();
    store.dirtyMeta = false;
    return store;
  }

  /** Recomputes the billing rates once every record is in (a journal may put an IP before its iface). */
  rebuildRates(): void {
    const hook = this.onRateChange;
    this.onRateChange = null;
    this.rates.clear();
    this.accountRates.clear();
    for (const kind of BILLED)
      for (const rec of this.tables[kind].values())
        this.rerate(kind, kind + ':' + String(rec.id), rec, (rec as { accountId: Id }).accountId);
    this.onRateChange = hook;
  }

  /** Forgets the dirty set (after a load or a full snapshot). */
  markClean(): void {
    this.dirty.clear();
    this.dirtyMeta = false;
  }
}
