/**
 * The simulator's stored records. Times are epoch milliseconds (UTC); views turn them into
 * `Date`s for the encoder. Everything here is plain JSON so the store can persist it as is.
 */
export type Id = number;

export type ClosedFor = 'NONE' | 'NEW' | 'ALL';

export interface DatacenterRec {
  id: Id;
  iso: string;
  name: string;
  country: string;
  dcCode: string;
  deactivateAt: number | null;
  iaasClosedFor: ClosedFor;
  paasClosedFor: ClosedFor;
  canMigrateTo: Id[];
}

export interface ImageRec {
  id: Id;
  diskId: Id;
  datacenterId: Id;
  label: string;
  osArch: 'x86-32' | 'x86-64';
  kernelVersion: string;
  size: number;
  visibility: 'all' | 'deprecated';
  authorId: Id;
  dateCreated: number | null;
  dateUpdated: number;
  system: string;
  version: string;
}

export interface AccountRec {
  id: Id;
  apiKey: string;
  handle: string;
  fullname: string;
  credits: number;
  cycleDay: number;
  dateCreditsExpiration: number | null;
  /** When `credits` was last charged for (billing.ts); absent: never, nothing is owed yet. */
  billedAt?: number;
  /**
   * Test control (`/_sim/accounts {catalog: false}`): this account sees the endpoint as one that
   * does not offer `hosting.catalog.list` (it answers fault 1, as for any unknown method).
   */
  catalogUnsupported?: true;
}

export interface VmRec {
  id: Id;
  accountId: Id;
  hostname: string;
  state: string;
  memory: number;
  cores: number;
  vmMaxMemory: number;
  datacenterId: Id;
  disksId: Id[];
  ifacesId: Id[];
  console: 0 | 1;
  aiActive: number;
  description: string | null;
  farm: string;
  entityId: string;
  isMigrating: boolean;
  keys: Id[];
  dateCreated: number;
  dateUpdated: number;
}

export type KernelCmdline = Record<string, string | boolean>;

export interface DiskRec {
  id: Id;
  accountId: Id;
  name: string;
  size: number;
  state: string;
  type: 'data' | 'snapshot';
  datacenterId: Id;
  vmsId: Id[];
  isBootDisk: boolean;
  canSnapshot: boolean;
  kernelVersion: string | null;
  kernelCmdline: KernelCmdline | null;
  label: string | null;
  source: Id | null;
  snapshotsId: Id[];
  snapshotProfileId: Id | null;
  entityId: string;
  isMigrating: boolean;
  dateCreated: number;
  dateUpdated: number;
}

export interface IfaceRec {
  id: Id;
  accountId: Id;
  type: 'public' | 'private';
  state: string;
  vmId: Id | null;
  num: number | null;
  bandwidth: number;
  datacenterId: Id;
  ipsId: Id[];
  vlanId: Id | null;
  dateCreated: number;
  dateUpdated: number;
}

export interface IpRec {
  id: Id;
  accountId: Id;
  ip: string | null;
  version: 4 | 6;
  num: number;
  state: string;
  reverse: string | null;
  ifaceId: Id;
  datacenterId: Id;
  entityId: string;
  dateCreated: number;
  dateUpdated: number;
}

export interface VlanRec {
  id: Id;
  accountId: Id;
  name: string;
  state: string;
  subnet: string;
  gateway: string | null;
  uuid: number;
  datacenterId: Id;
  entityId: string;
}

export interface SshKeyRec {
  id: Id;
  accountId: Id;
  name: string;
  fingerprint: string;
  value: string;
}

export type OperationStep = 'BILL' | 'WAIT' | 'RUN' | 'DONE' | 'ERROR' | 'CANCEL' | 'SUPPORT';

/** An object an operation created at call time (state `being_created`), removed if it fails. */
export interface CreatedRef {
  kind: 'vm' | 'disk' | 'iface' | 'ip' | 'vlan';
  id: Id;
}

export interface OperationRec {
  id: Id;
  accountId: Id;
  type: string;
  step: OperationStep;
  dateCreated: number;
  dateUpdated: number;
  dateStart: number | null;
  /** When WAIT turns into RUN, and RUN into DONE (epoch ms, computed at creation). */
  runAt: number;
  doneAt: number;
  vmId: Id | null;
  diskId: Id | null;
  ifaceId: Id | null;
  ipId: Id | null;
  /** Returned as `params` by operation.info/list; also drives the effect applied at DONE. */
  params: Record<string, unknown>;
  /** Internal payload of the effect applied at DONE (e.g. the fields an update changes). */
  effectData: Record<string, unknown>;
  lastError: string | null;
  /** Set at creation by failure injection: the op ends in ERROR with this text. */
  failWith: string | null;
  /** Ops that must end DONE first (vm_create after disk_create / iface_create). */
  dependsOn: Id[];
  created: CreatedRef[];
  /** Whether the mutator answered with the full operation struct (vlan ops) — for list views. */
  full: boolean;
}

export interface FailRule {
  accountId: Id;
  type: string;
  remaining: number;
}

export interface Counters {
  vm: number;
  disk: number;
  iface: number;
  ip: number;
  vlan: number;
  ssh: number;
  op: number;
  account: number;
  vlanUuid: number;
  /** Address pool cursors by `v4:<datacenter>` / `v6:<datacenter>` (address-pool.ts). */
  pools?: Record<string, number>;
  rproxy: number;
  rproxyServer: number;
  rproxyVhost: number;
  dnsValidation: number;
}
