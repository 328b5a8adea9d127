/**
 * The one place where wire shapes (`Raw…`) become app types: `<nil/>` and the 2011 `''` both become
 * `null`, 0/1 flags become booleans, id arrays become `…Ids`. Required members are checked at run
 * time: a struct that lacks them throws `ShapeError` (the client turns it into a `decode` error).
 * Operations and the hosting objects live here; account/catalog objects in `reshape-catalog.ts`.
 */
import type * as R from './raw-types';
import { reshapeDatacenter, reshapeSnapshotProfile } from './reshape-catalog';
import {
  flag,
  ids,
  isStruct,
  opt,
  optDate,
  optNum,
  optStr,
  req,
  reqDate,
  ShapeError,
  struct,
  type Struct,
} from './reshape-values';
import type {
  Disk,
  Iface,
  IpAddress,
  KernelList,
  Operation,
  OperationStep,
  Vlan,
  VmInfo,
  VmSummary,
} from './types';

export * from './reshape-catalog';
export { list, ShapeError, struct } from './reshape-values';

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
