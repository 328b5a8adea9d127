/**
 * The app's view of Gandi Hosting objects.
 *
 * Results are reshaped from the wire (`Raw*` in `raw-types.ts`) into these camelCase types in one
 * place (`reshape.ts`): `<nil/>` and the 2011 empty strings both become `null`, dates become `Date`
 * instants (UTC), 0/1 flags become booleans.
 *
 * Inputs (specs, filters, list options) keep the API's own snake_case keys on purpose: they are
 * sent as they are, the wizard shows them as "the exact API call", and filter keys such as
 * `~hostname` or `>date_created` have no sensible camelCase form.
 */

export type Id = number;

/** Where and as whom to call: both come from the session, never from the browser. */
export interface GandiConnection {
  endpoint: string;
  apiKey: string;
  /** Request timeout in ms (default 15 000). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Decides every mutation made with this connection (team members' connections carry one). */
  gate?: import('./call-gate').CallGate;
}

// ---------------------------------------------------------------------------------------------
// Operations

export type OperationStep = 'BILL' | 'WAIT' | 'RUN' | 'DONE' | 'ERROR' | 'CANCEL' | 'SUPPORT';

/** Steps after which an operation never changes again. */
export const FINAL_STEPS: readonly OperationStep[] = ['DONE', 'ERROR', 'CANCEL', 'SUPPORT'];

/** One type for the short struct (vm/disk/iface mutators) and the full one (operation.info/list). */
export interface Operation {
  id: Id;
  type: string;
  step: OperationStep;
  source: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateStart: Date | null;
  vmId: Id | null;
  diskId: Id | null;
  ifaceId: Id | null;
  ipId: Id | null;
  vlanId: Id | null;
  /** Seconds left; null when the struct did not carry it (short shape). */
  eta: number | null;
  lastError: string | null;
  params: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Account, rating, catalog

export interface VersionInfo {
  apiVersion: string;
}

export interface Account {
  id: Id;
  handle: string;
  fullname: string | null;
  credits: number;
  averageCreditCost: number | null;
  cycleDay: number | null;
  dateCreditsExpiration: Date | null;
  ratingEnabled: boolean;
}

/** One line of `hosting.rating.list`: what the account's current resources burn per hour. */
export interface RatingLine {
  timestamp: Date | null;
  /** Sum of every numeric member, as gandi.cli computes it. */
  creditsPerHour: number;
  /** Flattened members, e.g. `{ 'cpu.default': 168, 'ip.v4_public': 210 }`; nulls omitted. */
  breakdown: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Datacenters and images

export type ClosedFor = 'NONE' | 'NEW' | 'ALL';

export interface Datacenter {
  id: Id;
  iso: string;
  name: string;
  country: string;
  dcCode: string | null;
  deactivateAt: Date | null;
  iaasClosedFor: ClosedFor;
  paasClosedFor: ClosedFor;
  canMigrateTo: Id[];
}

export interface Image {
  id: Id;
  /** The source disk to pass as `src_disk_id` (not `id`). */
  diskId: Id;
  datacenterId: Id;
  label: string;
  osArch: string;
  kernelVersion: string | null;
  size: number | null;
  visibility: string;
  authorId: Id | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  system: string | null;
  version: string | null;
}

// ---------------------------------------------------------------------------------------------
// Disks

export interface SnapshotProfile {
  id: Id;
  name: string;
  keptTotal: number;
  quotaFactor: number;
  schedules: { name: string; keptVersion: number }[];
}

export interface Disk {
  id: Id;
  name: string;
  size: number;
  totalSize: number | null;
  state: string;
  type: string;
  datacenterId: Id;
  vmIds: Id[];
  isBootDisk: boolean;
  canSnapshot: boolean;
  kernelVersion: string | null;
  kernelCmdline: Record<string, string | boolean | number> | null;
  label: string | null;
  source: Id | null;
  visibility: string | null;
  snapshotIds: Id[];
  snapshotProfileId: Id | null;
  snapshotProfile: SnapshotProfile | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  isMigrating: boolean;
}

/** `hosting.disk.list_kernels`: flavour → kernel names. */
export type KernelList = Record<string, string[]>;

// ---------------------------------------------------------------------------------------------
// Network

export interface IpAddress {
  id: Id;
  ip: string | null;
  version: 4 | 6;
  num: number | null;
  state: string;
  reverse: string | null;
  ifaceId: Id | null;
  datacenterId: Id;
  dateCreated: Date | null;
  dateUpdated: Date | null;
  vmId: Id | null;
  type: 'public' | 'private' | null;
  bandwidth: number | null;
}

export interface Iface {
  id: Id;
  type: 'public' | 'private' | string;
  state: string;
  vmId: Id | null;
  num: number | null;
  /** kbit/s */
  bandwidth: number;
  datacenterId: Id;
  ipIds: Id[];
  /** Only from `hosting.iface.info` and inside `hosting.vm.info`. */
  ips: IpAddress[] | null;
  vlan: { id: Id; name: string } | null;
  dateCreated: Date | null;
  dateUpdated: Date | null;
}

export interface Vlan {
  id: Id;
  name: string;
  state: string;
  subnet: string | null;
  gateway: string | null;
  datacenterId: Id;
  /** Only from `hosting.vlan.info`. */
  datacenter: Datacenter | null;
}

// ---------------------------------------------------------------------------------------------
// VMs

export interface VmSummary {
  id: Id;
  hostname: string;
  state: string;
  memory: number;
  cores: number;
  vmMaxMemory: number;
  datacenterId: Id;
  /** Position order: [0] is the system disk. */
  diskIds: Id[];
  /** [0] is the primary interface. */
  ifaceIds: Id[];
  console: boolean;
  description: string | null;
  farm: string | null;
  isMigrating: boolean;
  dateCreated: Date | null;
  dateUpdated: Date | null;
}

export interface VmInfo extends VmSummary {
  disks: Disk[];
  ifaces: Iface[];
  consoleUrl: string | null;
  hvmState: string | null;
}

export interface MigrationCheck {
  canMigrate: boolean;
  matched: string[];
  canMigrateTo: string[];
}

// ---------------------------------------------------------------------------------------------
// SSH keys, metrics

export interface SshKey {
  id: Id;
  name: string;
  fingerprint: string;
  /** Only from `hosting.ssh.info` and `hosting.ssh.create`. */
  value: string | null;
}

export interface MetricAvailability {
  resourceType: string;
  metrics: string[];
}

export interface MetricSeries {
  metric: string;
  resourceId: Id;
  resourceType: string;
  /** The split dimensions, e.g. `{ direction: 'in', type: 'public' }`. */
  dimensions: Record<string, string>;
  points: { timestamp: Date; value: number | null }[];
}

// ---------------------------------------------------------------------------------------------
// Inputs: the API's own keys (see the file comment)

export type Scalar = string | number | boolean;
/** A filter value: a scalar, or an array meaning "any of". */
export type FilterValue = Scalar | Scalar[];

export interface ListOptions {
  items_per_page?: number;
  page?: number;
  /** A field name, optionally followed by ` ASC` / ` DESC`. */
  sort_by?: string;
  /** Filters: exact keys, `~key` patterns, `<key` / `>key` comparisons. */
  [filter: string]: FilterValue | undefined;
}

export interface VmSpec {
  datacenter_id: Id;
  hostname: string;
  memory: number;
  cores?: number;
  ip_version?: 4 | 6;
  bandwidth?: number;
  iface_id?: Id;
  /** `hosting.vm.create` only. */
  sys_disk_id?: Id;
  login?: string;
  password?: string;
  ssh_key?: string;
  keys?: Id[];
  run?: string;
  script?: string;
  script_args?: string;
  farm?: string;
}

export interface DiskSpec {
  datacenter_id?: Id;
  name?: string;
  size?: number;
  type?: 'data' | 'snapshot';
  snapshot_profile?: Id;
}

export interface VmUpdateSpec {
  memory?: number;
  cores?: number;
  console?: boolean;
  password?: string;
  vm_max_memory?: number;
  hostname?: string;
}

export interface DiskUpdateSpec {
  name?: string;
  size?: number;
  /** A profile id, or `''` to remove the profile. */
  snapshot_profile?: Id | '';
  kernel?: string;
  cmdline?: Record<string, string | boolean | number>;
}

export interface DiskAttachOptions {
  position?: number;
  access?: 'read' | 'write';
}

export interface IfaceSpec {
  datacenter_id: Id;
  ip_version?: 4 | 6;
  bandwidth?: number;
  vlan?: Id;
  ip?: string;
}

export interface VlanSpec {
  name: string;
  datacenter_id: Id;
  subnet?: string;
  gateway?: string;
}

export interface VlanUpdateSpec {
  name?: string;
  gateway?: string;
}

export interface SshKeySpec {
  value: string;
  name?: string;
}

export interface MetricQuery {
  /** `'%Y-%m-%d %H:%M:%S'` UTC, as gandi.cli sends it. */
  start: string;
  end: string;
  query: string;
  resource_id: Id | Id[];
  resource_type: 'vm' | 'iface' | 'disk' | 'paas' | 'rproxy';
  sampler: {
    function: 'sum' | 'avg' | 'min' | 'max' | 'percentile';
    unit: 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months';
    value: number;
    percentile?: number;
  };
}

// ---------------------------------------------------------------------------------------------
// Catalog (added by the client: `hosting.catalog.list`, an inferred price table)

/** One priced resource of `hosting.catalog.list`, in credits per hour per unit. */
export interface PriceLine {
  /** e.g. `cpu`, `ram`, `disk_data`, `disk_snapshot`, `ip`. */
  resource: string;
  /** e.g. `default`, `v4_public`, `v6`; null when the resource has one price. */
  flavour: string | null;
  /** What one unit is (`core`, `GB`, `address`…), when the endpoint says. */
  unit: string | null;
  creditsPerHour: number;
}

/** `contact.balance`: the prepaid money of the account (null when it has no prepaid account). */
export interface ContactBalance {
  prepaid: { amount: number; currency: string } | null;
}
