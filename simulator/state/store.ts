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

  get<K extends Kind>(kind: K, id: Id): RecordKinds[K] | undefined {
    return this.tables[kind].get(id) as RecordKinds[K] | undefined;
  }

  put<K extends Kind>(kind: K, rec: RecordKinds[K]): void {
    const table = this.tables[kind] as Map<Id, RecordKinds[K]>;
    const isNew = !table.has(rec.id);
    table.set(rec.id, rec);
    if (kind === 'account') this.accountsByKey.set((rec as AccountRec).apiKey, rec as AccountRec);
    if (kind === 'op' && isNew && !FINAL_STEPS.has((rec as OperationRec).step))
      this.pendingOps.push(rec.id);
    this.dirty.set(kind + ':' + String(rec.id), { kind, id: rec.id });
  }

  del(kind: Kind, id: Id): void {
    const rec = this.tables[kind].get(id);
    if (!rec) return;
    this.tables[kind].delete(id);
    if (kind === 'account') this.accountsByKey.delete((rec as AccountRec).apiKey);
    this.dirty.set(kind + ':' + String(id), { kind, id });
  }

  nextId(kind: keyof Counters): Id {
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
    store.dirty.clear();
    store.dirtyMeta = false;
    return store;
  }

  /** Forgets the dirty set (after a load or a full snapshot). */
  markClean(): void {
    this.dirty.clear();
    this.dirtyMeta = false;
  }
}
