/**
 * The one place where wire shapes (`Raw…`) become app types: `<nil/>` and the 2011 `''` both become
 * `null`, 0/1 flags become booleans, id arrays become `…Ids`. Required members are checked at run
 * time: a struct that lacks them throws `ShapeError` (the client turns it into a `decode` error).
 */
import type * as R from './raw-types';
import type {
  Account,
  ClosedFor,
  Datacenter,
  Disk,
  Iface,
  Image,
  IpAddress,
  KernelList,
  MetricAvailability,
  MetricSeries,
  MigrationCheck,
  Operation,
  OperationStep,
  PriceLine,
  RatingLine,
  SnapshotProfile,
  SshKey,
  Vlan,
  VmInfo,
  VmSummary,
} from './types';
import { parseIsoDate } from './xml-scalars';

export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

type Struct = Record<string, unknown>;

function isStruct(v: unknown): v is Struct {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Date) &&
    !Buffer.isBuffer(v)
  );
}

/** Asserts the decoded value is a struct (the boundary between wire values and `Raw…` types). */
export function struct<T>(v: unknown, what: string): T {
  if (!isStruct(v)) throw new ShapeError(`expected a ${what} struct`);
  return v as T;
}

export function list<T>(v: unknown, what: string): T[] {
  if (!Array.isArray(v)) throw new ShapeError(`expected a list of ${what}`);
  return v as T[];
}

function req<T extends string | number | boolean>(
  v: unknown,
  type: 'string' | 'number' | 'boolean',
  name: string,
): T {
  if (typeof v !== type) throw new ShapeError(`member ${name}: expected ${type}`);
  return v as T;
}

function reqDate(v: unknown, name: string): Date {
  const d = optDate(v);
  if (!d) throw new ShapeError(`member ${name}: expected dateTime.iso8601`);
  return d;
}

/** nil, '' (2011), and absence all mean "no value". */
function opt<T>(v: T | null | '' | undefined): T | null {
  return v === undefined || v === null || v === '' ? null : v;
}

function optNum(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

function optStr(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function optDate(v: unknown): Date | null {
  if (v instanceof Date) return v;
  // Some mocks carry ISO strings where the wire has dateTime; read them as UTC too.
  if (typeof v === 'string' && v !== '') return parseIsoDate(v);
  return null;
}

/** 0/1 ints, booleans, and the 2011 `''` (false). */
function flag(v: unknown): boolean {
  return v === true || v === 1;
}

function ids(v: unknown): number[] {
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
}

const STEPS: readonly OperationStep[] = [
  'BILL',
  'WAIT',
  'RUN',
  'DONE',
  'ERROR',
  'CANCEL',
  'SUPPORT',
];

export function reshapeOperation(raw: R.RawHostingOperation): Operation {
  const step = req<string>(raw.step, 'string', 'step');
  if (!STEPS.includes(step as OperationStep)) throw new ShapeError('unknown operation step');
  const params = isStruct(raw.params) ? raw.params : {};
  // Some operations carry the object ids only in `params` (e.g. vlan_create's vlan_id).
  const idOf = (top: unknown, key: string) => optNum(top) ?? optNum(params[key]);
  return {
    id: req<number>(raw.id, 'number', 'id'),
    type: req<string>(raw.type, 'string', 'type'),
    step: step as OperationStep,
    source: optStr(raw.source),
    dateCreated: reqDate(raw.date_created, 'date_created'),
    dateUpdated: reqDate(raw.date_updated, 'date_updated'),
    dateStart: optDate(raw.date_start),
    vmId: idOf(raw.vm_id, 'vm_id'),
    diskId: idOf(raw.disk_id, 'disk_id'),
    ifaceId: idOf(raw.iface_id, 'iface_id'),
    ipId: idOf(raw.ip_id, 'ip_id'),
    vlanId: idOf(raw.vlan_id, 'vlan_id'),
    eta: optNum(raw.eta),
    lastError: optStr(raw.last_error),
    params,
  };
}

export function reshapeAccount(raw: R.RawAccount): Account {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    handle: req<string>(raw.handle, 'string', 'handle'),
    fullname: optStr(raw.fullname),
    credits: optNum(raw.credits) ?? 0,
    averageCreditCost: optNum(raw.average_credit_cost),
    cycleDay: optNum(raw.cycle_day),
    dateCreditsExpiration: optDate(raw.date_credits_expiration),
    ratingEnabled: flag(raw.rating_enabled),
  };
}

export function reshapeRating(raw: R.RawRating): RatingLine {
  const breakdown: Record<string, number> = {};
  let creditsPerHour = 0;
  for (const [resource, value] of Object.entries(raw)) {
    if (resource === 'timestamp') continue;
    if (typeof value === 'number') {
      breakdown[resource] = value;
      creditsPerHour += value;
    } else if (isStruct(value)) {
      for (const [flavour, cost] of Object.entries(value)) {
        if (typeof cost !== 'number') continue;
        breakdown[`${resource}.${flavour}`] = cost;
        creditsPerHour += cost;
      }
    }
  }
  return { timestamp: optDate(raw.timestamp), creditsPerHour, breakdown };
}

function closedFor(v: unknown): ClosedFor {
  return v === 'NEW' || v === 'ALL' ? v : 'NONE';
}

export function reshapeDatacenter(raw: R.RawDatacenter): Datacenter {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    iso: req<string>(raw.iso, 'string', 'iso'),
    name: req<string>(raw.name, 'string', 'name'),
    country: req<string>(raw.country, 'string', 'country'),
    dcCode: optStr(raw.dc_code),
    deactivateAt: optDate(raw.deactivate_at),
    // 2011 datacenters predate the closing fields: they were open.
    iaasClosedFor: closedFor(raw.iaas_closed_for),
    paasClosedFor: closedFor(raw.paas_closed_for),
    canMigrateTo: ids(raw.can_migrate_to),
  };
}

export function reshapeImage(raw: R.RawImage): Image {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    diskId: req<number>(raw.disk_id, 'number', 'disk_id'),
    datacenterId: req<number>(raw.datacenter_id, 'number', 'datacenter_id'),
    label: req<string>(raw.label, 'string', 'label'),
    osArch: req<string>(raw.os_arch, 'string', 'os_arch'),
    kernelVersion: optStr(raw.kernel_version),
    size: optNum(raw.size),
    visibility: req<string>(raw.visibility, 'string', 'visibility'),
    authorId: optNum(raw.author_id),
    dateCreated: optDate(raw.date_created),
    dateUpdated: optDate(raw.date_updated),
    system: optStr(raw.system),
    version: optStr(raw.version),
  };
}

export function reshapeSnapshotProfile(raw: R.RawSnapshotProfile): SnapshotProfile {
  const schedules = Array.isArray(raw.schedules) ? raw.schedules : [];
  return {
    id: req<number>(raw.id, 'number', 'id'),
    name: req<string>(raw.name, 'string', 'name'),
    keptTotal: optNum(raw.kept_total) ?? 0,
    quotaFactor: optNum(raw.quota_factor) ?? 1,
    schedules: schedules.map((s) => ({
      name: String(s.name),
      keptVersion: optNum(s.kept_version) ?? 0,
    })),
  };
}

export function reshapeDisk(raw: R.RawDisk): Disk {
  const rawProfile = opt(raw.snapshot_profile);
  const profile = rawProfile
    ? reshapeSnapshotProfile(struct<R.RawSnapshotProfile>(rawProfile, 'snapshot profile'))
    : null;
  const cmdline = opt(raw.kernel_cmdline);
  return {
    id: req<number>(raw.id, 'number', 'id'),
    name: req<string>(raw.name, 'string', 'name'),
    size: req<number>(raw.size, 'number', 'size'),
    totalSize: optNum(raw.total_size),
    state: req<string>(raw.state, 'string', 'state'),
    type: req<string>(raw.type, 'string', 'type'),
    datacenterId: req<number>(raw.datacenter_id, 'number', 'datacenter_id'),
    vmIds: ids(raw.vms_id),
    isBootDisk: flag(raw.is_boot_disk),
    canSnapshot: flag(raw.can_snapshot),
    kernelVersion: optStr(raw.kernel_version),
    kernelCmdline: isStruct(cmdline) ? cmdline : null,
    label: optStr(raw.label),
    source: optNum(raw.source),
    visibility: optStr(raw.visibility),
    snapshotIds: ids(raw.snapshots_id),
    snapshotProfileId: optNum(raw.snapshot_profile_id) ?? profile?.id ?? null,
    snapshotProfile: profile,
    dateCreated: optDate(raw.date_created),
    dateUpdated: optDate(raw.date_updated),
    isMigrating: flag(raw.is_migrating),
  };
}

export function reshapeKernelList(raw: Struct): KernelList {
  const out: KernelList = {};
  for (const [flavour, names] of Object.entries(raw)) {
    out[flavour] = Array.isArray(names)
      ? names.filter((n): n is string => typeof n === 'string')
      : [];
  }
  return out;
}

export function reshapeIp(raw: R.RawIp): IpAddress {
  const version = req<number>(raw.version, 'number', 'version');
  if (version !== 4 && version !== 6) throw new ShapeError(`member version: expected 4 or 6`);
  const type = opt(raw.type);
  return {
    id: req<number>(raw.id, 'number', 'id'),
    ip: optStr(raw.ip),
    version,
    num: optNum(raw.num),
    state: req<string>(raw.state, 'string', 'state'),
    reverse: optStr(raw.reverse),
    ifaceId: optNum(raw.iface_id),
    datacenterId: req<number>(raw.datacenter_id, 'number', 'datacenter_id'),
    dateCreated: optDate(raw.date_created),
    dateUpdated: optDate(raw.date_updated),
    vmId: optNum(raw.vm_id),
    type: type === 'public' || type === 'private' ? type : null,
    bandwidth: optNum(raw.bandwidth),
  };
}

export function reshapeIface(raw: R.RawIface): Iface {
  const vlan = opt(raw.vlan);
  return {
    id: req<number>(raw.id, 'number', 'id'),
    type: req<string>(raw.type, 'string', 'type'),
    state: req<string>(raw.state, 'string', 'state'),
    vmId: optNum(raw.vm_id),
    num: optNum(raw.num),
    bandwidth: req<number>(raw.bandwidth, 'number', 'bandwidth'),
    datacenterId: req<number>(raw.datacenter_id, 'number', 'datacenter_id'),
    ipIds: ids(raw.ips_id),
    ips: Array.isArray(raw.ips) ? raw.ips.map((ip) => reshapeIp(struct<R.RawIp>(ip, 'ip'))) : null,
    vlan: isStruct(vlan)
      ? { id: req<number>(vlan.id, 'number', 'vlan.id'), name: String(vlan.name) }
      : null,
    dateCreated: optDate(raw.date_created),
    dateUpdated: optDate(raw.date_updated),
  };
}

export function reshapeVlan(raw: R.RawVlan): Vlan {
  const rawDc = opt(raw.datacenter);
  const dc = rawDc ? reshapeDatacenter(struct<R.RawDatacenter>(rawDc, 'datacenter')) : null;
  const datacenterId = optNum(raw.datacenter_id) ?? dc?.id;
  if (datacenterId === undefined) throw new ShapeError('member datacenter_id: expected number');
  return {
    id: req<number>(raw.id, 'number', 'id'),
    name: req<string>(raw.name, 'string', 'name'),
    state: req<string>(raw.state, 'string', 'state'),
    subnet: optStr(raw.subnet),
    gateway: optStr(raw.gateway),
    datacenterId,
    datacenter: dc,
  };
}

export function reshapeVmSummary(raw: R.RawVmSummary): VmSummary {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    hostname: req<string>(raw.hostname, 'string', 'hostname'),
    state: req<string>(raw.state, 'string', 'state'),
    memory: req<number>(raw.memory, 'number', 'memory'),
    cores: req<number>(raw.cores, 'number', 'cores'),
    vmMaxMemory: optNum(raw.vm_max_memory) ?? raw.memory,
    datacenterId: req<number>(raw.datacenter_id, 'number', 'datacenter_id'),
    diskIds: ids(raw.disks_id),
    ifaceIds: ids(raw.ifaces_id),
    console: flag(raw.console),
    description: optStr(raw.description),
    farm: optStr(raw.farm),
    isMigrating: flag(raw.is_migrating),
    dateCreated: optDate(raw.date_created),
    dateUpdated: optDate(raw.date_updated),
  };
}

export function reshapeVmInfo(raw: R.RawVmInfo): VmInfo {
  const disks = Array.isArray(raw.disks) ? raw.disks : [];
  const ifaces = Array.isArray(raw.ifaces) ? raw.ifaces : [];
  return {
    ...reshapeVmSummary(raw),
    disks: disks.map((d) => reshapeDisk(struct<R.RawDisk>(d, 'disk'))),
    ifaces: ifaces.map((i) => reshapeIface(struct<R.RawIface>(i, 'iface'))),
    consoleUrl: optStr(raw.console_url),
    hvmState: optStr(raw.hvm_state),
  };
}

export function reshapeMigrationCheck(raw: R.RawMigrationCheck): MigrationCheck {
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return {
    canMigrate: flag(raw.can_migrate),
    matched: strings(raw.matched),
    canMigrateTo: strings(raw.can_migrate_to),
  };
}

export function reshapeSshKey(raw: R.RawSshKey): SshKey {
  return {
    id: req<number>(raw.id, 'number', 'id'),
    name: req<string>(raw.name, 'string', 'name'),
    fingerprint: req<string>(raw.fingerprint, 'string', 'fingerprint'),
    value: optStr(raw.value),
  };
}

export function reshapeMetricAvailability(raw: R.RawMetricAvailability): MetricAvailability {
  const metrics = Array.isArray(raw.metrics) ? raw.metrics : [raw.metrics];
  return {
    resourceType: req<string>(raw.resource, 'string', 'resource'),
    metrics: metrics.filter((m): m is string => typeof m === 'string'),
  };
}

const SERIES_MEMBERS = new Set(['metric', 'resource_id', 'resource_type', 'points']);

export function reshapeMetricSeries(raw: R.RawMetricSeries): MetricSeries {
  const dimensions: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (SERIES_MEMBERS.has(key)) continue;
    // Dimensions arrive as one-element arrays (`direction: ['in']`).
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') dimensions[key] = first;
  }
  const points = Array.isArray(raw.points) ? raw.points : [];
  return {
    metric: req<string>(raw.metric, 'string', 'metric'),
    resourceId: req<number>(raw.resource_id, 'number', 'resource_id'),
    resourceType: req<string>(raw.resource_type, 'string', 'resource_type'),
    dimensions,
    points: points.map((p) => ({
      timestamp: reqDate(p.timestamp, 'timestamp'),
      value: optNum(p.value),
    })),
  };
}

const PRICE_KEYS = ['credits_per_hour', 'credits', 'price', 'unit_price', 'amount'] as const;

/**
 * `hosting.catalog.list` has no recorded answer: accept a list of price items
 * (`{resource|product_name|name, flavour?, unit?, credits_per_hour|credits|price…}`) or a
 * rating-style struct (`{cpu: {default: 168}, ip: {v4_public: 210}}`).
 */
export function reshapePriceTable(v: unknown): PriceLine[] {
  if (isStruct(v)) {
    const rating = reshapeRating(v as R.RawRating);
    return Object.entries(rating.breakdown).map(([key, creditsPerHour]) => {
      const dot = key.indexOf('.');
      return {
        resource: dot < 0 ? key : key.slice(0, dot),
        flavour: dot < 0 ? null : key.slice(dot + 1),
        unit: null,
        creditsPerHour,
      };
    });
  }
  return list<unknown>(v, 'price lines').map((item) => {
    const raw = struct<Record<string, unknown>>(item, 'price line');
    const resource = optStr(raw.resource) ?? optStr(raw.product_name) ?? optStr(raw.name);
    if (!resource) throw new ShapeError('price line without a resource name');
    const price = PRICE_KEYS.map((k) => raw[k]).find((p): p is number => typeof p === 'number');
    if (price === undefined) throw new ShapeError('price line without a price');
    return {
      resource,
      flavour: optStr(raw.flavour) ?? optStr(raw.flavor) ?? optStr(raw.type),
      unit: optStr(raw.unit),
      creditsPerHour: price,
    };
  });
}
