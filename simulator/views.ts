import { DATACENTER_BY_ID, SNAPSHOT_PROFILE_BY_ID, type SnapshotProfileDef } from './state/catalog';
import type { Sim } from './state/sim';
import type {
  DatacenterRec,
  DiskRec,
  IfaceRec,
  ImageRec,
  IpRec,
  SshKeyRec,
  VlanRec,
  VmRec,
} from './state/types';
import { double, type XmlValue } from './xmlrpc/values';

/**
 * Records → wire structs, in the 2018 recorded shapes (member names, types and order of
 * `libcloud-pr1234/*.xml`). List and info shapes differ where the recordings differ.
 */

type Struct = { [key: string]: XmlValue };

const date = (ms: number): Date => new Date(ms);
const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export function datacenterView(dc: DatacenterRec): Struct {
  return {
    name: dc.name,
    iaas_closed_for: dc.iaasClosedFor,
    deactivate_at: dateOrNull(dc.deactivateAt),
    country: dc.country,
    paas_closed_for: dc.paasClosedFor,
    iso: dc.iso,
    can_migrate_to: dc.canMigrateTo,
    id: dc.id,
    dc_code: dc.dcCode,
  };
}

export function imageView(image: ImageRec): Struct {
  return {
    date_updated: date(image.dateUpdated),
    system: image.system,
    disk_id: image.diskId,
    label: image.label,
    datacenter_id: image.datacenterId,
    kernel_version: image.kernelVersion,
    version: image.version,
    visibility: image.visibility,
    os_arch: image.osArch,
    date_created: dateOrNull(image.dateCreated),
    author_id: image.authorId,
    id: image.id,
    size: image.size,
  };
}

export function snapshotProfileView(p: SnapshotProfileDef): Struct {
  return {
    id: p.id,
    kept_total: p.keptTotal,
    name: p.name,
    quota_factor: double(p.quotaFactor),
    schedules: p.schedules.map((s) => ({ kept_version: s.keptVersion, name: s.name })),
  };
}

export function vmListView(vm: VmRec): Struct {
  return {
    entity_id: vm.entityId,
    console: vm.console,
    description: vm.description,
    date_updated: date(vm.dateUpdated),
    vm_max_memory: vm.vmMaxMemory,
    hostname: vm.hostname,
    disks_id: vm.disksId,
    datacenter_id: vm.datacenterId,
    farm: vm.farm,
    state: vm.state,
    flex_shares: 0,
    ai_active: vm.aiActive,
    memory: vm.memory,
    cores: vm.cores,
    ifaces_id: vm.ifacesId,
    date_created: date(vm.dateCreated),
    id: vm.id,
    is_migrating: vm.isMigrating,
  };
}

export function vmInfoView(sim: Sim, vm: VmRec): Struct {
  const disks: Struct[] = [];
  for (const id of vm.disksId) {
    const disk = sim.store.get('disk', id);
    if (disk) disks.push(diskInfoView(disk));
  }
  const ifaces: Struct[] = [];
  for (const id of vm.ifacesId) {
    const iface = sim.store.get('iface', id);
    if (iface) ifaces.push(ifaceView(sim, iface, true));
  }
  return {
    entity_id: vm.entityId,
    ifaces,
    date_updated: date(vm.dateUpdated),
    ai_active: vm.aiActive,
    vm_max_memory: vm.vmMaxMemory,
    ifaces_id: vm.ifacesId,
    id: vm.id,
    console: vm.console,
    hostname: vm.hostname,
    disks_id: vm.disksId,
    state: vm.state,
    memory: vm.memory,
    hvm_state: vm.state === 'running' ? 'running' : 'unknown',
    is_migrating: vm.isMigrating,
    console_url: 'console.gandi.net',
    description: vm.description,
    farm: vm.farm,
    flex_shares: 0,
    date_created: date(vm.dateCreated),
    graph_urls: { vcpu: [''], vdi: vm.disksId.map(() => ''), vif: vm.ifacesId.map(() => '') },
    probes: [],
    triggers: [],
    disks,
    datacenter_id: vm.datacenterId,
    cores: vm.cores,
  };
}

/** Size plus the space a snapshot profile reserves (its quota factor), in MB. */
function totalSize(disk: DiskRec): number {
  const profile =
    disk.snapshotProfileId === null
      ? undefined
      : SNAPSHOT_PROFILE_BY_ID.get(disk.snapshotProfileId);
  return profile ? Math.round(disk.size * profile.quotaFactor) : disk.size;
}

// Both disk views are written out in full (no spread of a common part): they are on the hot path
// of vm.info and disk.list, and literal objects keep V8 on its fast object shapes.
export function diskInfoView(disk: DiskRec): Struct {
  const profile =
    disk.snapshotProfileId === null
      ? undefined
      : SNAPSHOT_PROFILE_BY_ID.get(disk.snapshotProfileId);
  return {
    vms_id: disk.vmsId,
    entity_id: disk.entityId,
    name: disk.name,
    source: disk.source,
    kernel_version: disk.kernelVersion,
    can_snapshot: disk.canSnapshot,
    total_size: totalSize(disk),
    snapshots_id: disk.snapshotsId,
    visibility: 'private',
    label: disk.label,
    datacenter_id: disk.datacenterId,
    date_updated: date(disk.dateUpdated),
    state: disk.state,
    is_boot_disk: disk.isBootDisk,
    snapshot_profile: profile ? snapshotProfileView(profile) : null,
    date_created: date(disk.dateCreated),
    kernel_cmdline: disk.kernelCmdline,
    size: disk.size,
    type: disk.type,
    id: disk.id,
    is_migrating: disk.isMigrating,
  };
}

export function diskListView(disk: DiskRec): Struct {
  return {
    vms_id: disk.vmsId,
    entity_id: disk.entityId,
    name: disk.name,
    kernel_version: disk.kernelVersion,
    can_snapshot: disk.canSnapshot,
    total_size: totalSize(disk),
    snapshots_id: disk.snapshotsId,
    visibility: 'private',
    label: disk.label,
    datacenter_id: disk.datacenterId,
    source: disk.source,
    state: disk.state,
    is_boot_disk: disk.isBootDisk,
    date_updated: date(disk.dateUpdated),
    id: disk.id,
    date_created: date(disk.dateCreated),
    size: disk.size,
    type: disk.type,
    snapshot_profile_id: disk.snapshotProfileId,
    is_migrating: disk.isMigrating,
  };
}

export function ifaceView(sim: Sim, iface: IfaceRec, withIps: boolean): Struct {
  const vlan = iface.vlanId === null ? undefined : sim.store.get('vlan', iface.vlanId);
  const vlanRef = vlan ? { entity_id: vlan.entityId, name: vlan.name, id: vlan.id } : null;
  if (!withIps) {
    // `hosting.iface.list`: only `ips_id` (reference §10.1).
    return {
      entity_id: null,
      date_updated: date(iface.dateUpdated),
      vm_id: iface.vmId,
      vlan: vlanRef,
      bandwidth: double(iface.bandwidth),
      datacenter_id: iface.datacenterId,
      state: iface.state,
      num: iface.num,
      ips_id: iface.ipsId,
      date_created: date(iface.dateCreated),
      type: iface.type,
      id: iface.id,
    };
  }
  const ips: Struct[] = [];
  for (const id of iface.ipsId) {
    const ip = sim.store.get('ip', id);
    if (ip) ips.push(ipView(ip, iface));
  }
  return {
    entity_id: null,
    date_updated: date(iface.dateUpdated),
    vm_id: iface.vmId,
    vlan: vlanRef,
    bandwidth: double(iface.bandwidth),
    datacenter_id: iface.datacenterId,
    ips,
    state: iface.state,
    num: iface.num,
    ips_id: iface.ipsId,
    date_created: date(iface.dateCreated),
    type: iface.type,
    id: iface.id,
  };
}

export function ipView(ip: IpRec, iface: IfaceRec | undefined): Struct {
  return {
    entity_id: ip.entityId,
    reverse: ip.reverse,
    iface_id: ip.ifaceId,
    date_updated: date(ip.dateUpdated),
    ip: ip.ip,
    vm_id: iface?.vmId ?? null,
    bandwidth: double(iface?.bandwidth ?? 0),
    iface_num: iface?.num ?? null,
    datacenter_id: ip.datacenterId,
    state: ip.state,
    num: ip.num,
    version: ip.version,
    date_created: date(ip.dateCreated),
    type: iface?.type ?? 'public',
    id: ip.id,
  };
}

export function vlanListView(vlan: VlanRec): Struct {
  return {
    subnet: vlan.subnet,
    entity_id: vlan.entityId,
    name: vlan.name,
    gateway: vlan.gateway,
    datacenter_id: vlan.datacenterId,
    state: vlan.state,
    id: vlan.id,
    uuid: vlan.uuid,
  };
}

export function vlanInfoView(vlan: VlanRec): Struct {
  const dc = DATACENTER_BY_ID.get(vlan.datacenterId);
  return {
    subnet: vlan.subnet,
    entity_id: vlan.entityId,
    name: vlan.name,
    datacenter: dc ? datacenterView(dc) : null,
    gateway: vlan.gateway,
    state: vlan.state,
    id: vlan.id,
    uuid: vlan.uuid,
  };
}

export function sshView(key: SshKeyRec, withValue: boolean): Struct {
  return withValue
    ? { fingerprint: key.fingerprint, name: key.name, value: key.value, id: key.id }
    : { fingerprint: key.fingerprint, id: key.id, name: key.name };
}

export { fullOperationView, shortOperationView } from './views-operation';
