import { allocatePublicAddress } from './address-pool';
import { IMAGES } from './catalog';
import { entityId } from './ids';
import type { Sim } from './sim';
import type { DiskRec, Id, IfaceRec, IpRec, VmRec } from './types';

/**
 * Building blocks that create records. Used at call time (objects `being_created`), by operation
 * effects, by the seed and by bulk creation (everything already `created`/`running`).
 */

export const DEFAULT_BANDWIDTH = 102400;
/** The API's default when a spec leaves `bandwidth` out (reference §8.2, inferred). */
export const API_DEFAULT_BANDWIDTH = 1024;

export function defaultKernelCmdline(kernelVersion: string | null): DiskRec['kernelCmdline'] {
  if (!kernelVersion) return null;
  // 2018 grub/raw images carried no cmdline; PV kernels booted with an explicit root (§9.3).
  if (kernelVersion.startsWith('grub') || kernelVersion.startsWith('raw')) return null;
  return { console: 'ttyS0', nosep: true, ro: true, root: '/dev/sda' };
}

/**
 * `vm_max_memory` on creation: the documented rule ("When a VM is created with less than 2048MB of
 * memory, vm_max_memory is equal to 2048MB"), rounded up to a power of two as gandi.cli computes
 * it, so that the overview's `vm.update(…, {'memory': 1024})` works on a running VM. (2018 VMs
 * showed `vm_max_memory == memory`; see README.)
 */
export function initialMaxMemory(memory: number): number {
  return Math.max(2048, 2 ** Math.ceil(Math.log2(memory)));
}

export function newDisk(
  sim: Sim,
  accountId: Id,
  fields: Pick<DiskRec, 'datacenterId' | 'size' | 'type'> & Partial<DiskRec>,
): DiskRec {
  const id = sim.store.nextId('disk');
  const now = sim.now();
  const disk: DiskRec = {
    id,
    accountId,
    name: `disk${id}`,
    state: 'being_created',
    vmsId: [],
    isBootDisk: false,
    canSnapshot: fields.type !== 'snapshot',
    kernelVersion: null,
    kernelCmdline: null,
    label: null,
    source: null,
    snapshotsId: [],
    snapshotProfileId: null,
    entityId: entityId('disk', id),
    isMigrating: false,
    dateCreated: now,
    dateUpdated: now,
    ...fields,
  };
  sim.store.put('disk', disk);
  return disk;
}

/** Copies what `disk.create_from` copies from its source (an image's disk or an own disk). */
export function sourceFields(sim: Sim, srcDiskId: Id): Partial<DiskRec> & { size: number } {
  const image = IMAGES.find((i) => i.diskId === srcDiskId);
  if (image) {
    return {
      source: srcDiskId,
      label: image.label,
      kernelVersion: image.kernelVersion,
      kernelCmdline: defaultKernelCmdline(image.kernelVersion),
      size: image.size,
    };
  }
  const disk = sim.store.get('disk', srcDiskId);
  return {
    source: srcDiskId,
    label: disk?.label ?? null,
    kernelVersion: disk?.kernelVersion ?? null,
    kernelCmdline: disk?.kernelCmdline ? { ...disk.kernelCmdline } : null,
    size: disk?.size ?? 3072,
  };
}

export interface IfaceInput {
  datacenterId: Id;
  type: 'public' | 'private';
  bandwidth: number;
  ipVersion: 4 | 6;
  vlanId?: Id | null;
  privateIp?: string | null;
  ready: boolean;
}

/** A free iface with its IPs; `ready` gives them addresses at once (seed, bulk). */
export function newIface(
  sim: Sim,
  accountId: Id,
  input: IfaceInput,
): { iface: IfaceRec; ips: IpRec[] } {
  const id = sim.store.nextId('iface');
  const now = sim.now();
  const iface: IfaceRec = {
    id,
    accountId,
    type: input.type,
    state: input.ready ? 'free' : 'being_created',
    vmId: null,
    num: null,
    bandwidth: input.bandwidth,
    datacenterId: input.datacenterId,
    ipsId: [],
    vlanId: input.vlanId ?? null,
    dateCreated: now,
    dateUpdated: now,
  };
  const versions: (4 | 6)[] = input.type === 'private' ? [4] : input.ipVersion === 4 ? [4, 6] : [6];
  const ips = versions.map((version, num) => {
    const ip: IpRec = {
      id: sim.store.nextId('ip'),
      accountId,
      ip: null,
      version,
      num,
      state: 'being_created',
      reverse: null,
      ifaceId: id,
      datacenterId: input.datacenterId,
      entityId: '',
      dateCreated: now,
      dateUpdated: now,
    };
    ip.entityId = entityId('ip', ip.id);
    iface.ipsId.push(ip.id);
    return ip;
  });
  sim.store.put('iface', iface);
  for (const ip of ips) {
    if (input.ready)
      assignAddress(sim, ip, input.type === 'private' ? (input.privateIp ?? null) : null, now);
    sim.store.put('ip', ip);
  }
  return { iface, ips };
}

/** Gives an IP its address and reverse name, and marks it created. */
export function assignAddress(sim: Sim, ip: IpRec, privateIp: string | null, at: number): void {
  const iface = sim.store.get('iface', ip.ifaceId);
  if (iface?.type === 'private') {
    const vlan = iface.vlanId === null ? undefined : sim.store.get('vlan', iface.vlanId);
    ip.ip = privateIp ?? nextPrivateIp(sim, vlan?.subnet ?? '192.168.0.0/24', vlan?.id ?? null);
    ip.reverse = '';
  } else {
    allocatePublicAddress(sim, ip);
  }
  ip.state = 'created';
  ip.dateUpdated = at;
}

/** The first host address of a /24-or-larger IPv4 subnet that no IP in the VLAN uses yet. */
export function nextPrivateIp(sim: Sim, subnet: string, vlanId: Id | null): string {
  const used = new Set<string>();
  for (const ip of sim.store.tables.ip.values()) {
    const iface = sim.store.get('iface', ip.ifaceId);
    if (iface && iface.vlanId === vlanId && ip.ip) used.add(ip.ip);
  }
  const [base = '192.168.0.0', bitsText = '24'] = subnet.split('/');
  const start = ipv4ToInt(base);
  const size = 2 ** (32 - Number(bitsText));
  for (let i = 1; i < size - 1; i++) {
    const candidate = intToIpv4(start + i);
    if (!used.has(candidate)) return candidate;
  }
  return intToIpv4(start + 1);
}

export function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export interface RunningVmInput {
  hostname: string;
  datacenterId: Id;
  memory: number;
  cores: number;
  imageLabel?: string;
}

/** A running VM with its system disk and a public iface (IPv4 + IPv6), all ready at once. */
export function provisionRunningVm(sim: Sim, accountId: Id, input: RunningVmInput): VmRec {
  const image =
    IMAGES.find(
      (i) => i.datacenterId === input.datacenterId && i.label === (input.imageLabel ?? 'Debian 9'),
    ) ?? IMAGES.find((i) => i.datacenterId === input.datacenterId && i.visibility === 'all');
  const now = sim.now();
  const vmId = sim.store.nextId('vm');
  const disk = newDisk(sim, accountId, {
    datacenterId: input.datacenterId,
    type: 'data',
    ...(image ? sourceFields(sim, image.diskId) : { size: 3072 }),
    state: 'created',
    isBootDisk: true,
    vmsId: [vmId],
  });
  const { iface } = newIface(sim, accountId, {
    datacenterId: input.datacenterId,
    type: 'public',
    bandwidth: DEFAULT_BANDWIDTH,
    ipVersion: 4,
    ready: true,
  });
  iface.state = 'used';
  iface.vmId = vmId;
  iface.num = 0;
  sim.store.put('iface', iface);
  const vm: VmRec = {
    id: vmId,
    accountId,
    hostname: input.hostname,
    state: 'running',
    memory: input.memory,
    cores: input.cores,
    vmMaxMemory: initialMaxMemory(input.memory),
    datacenterId: input.datacenterId,
    disksId: [disk.id],
    ifacesId: [iface.id],
    console: 0,
    aiActive: 0,
    description: null,
    farm: 'default',
    entityId: entityId('vm', vmId),
    isMigrating: false,
    keys: [],
    dateCreated: now,
    dateUpdated: now,
  };
  sim.store.put('vm', vm);
  return vm;
}
