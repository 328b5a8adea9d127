import { assignAddress } from './provision';
import { applyRproxyEffect, rollbackRproxy } from './rproxy';
import {
  deleteDisk,
  deleteIface,
  deleteVm,
  detachDisk,
  freeIface,
  moveDisk,
  moveIface,
  setDisks,
  setIfaces,
} from './relations';
import type { Sim } from './sim';
import type { DiskRec, OperationRec, VmRec } from './types';

/**
 * What each operation does to state when it completes (reference §18b). Each effect re-checks
 * that its objects still exist and returns an error text instead of half-applying anything.
 */
type Effect = (sim: Sim, op: OperationRec, at: number) => string | null;

const EFFECTS: Record<string, Effect> = {
  disk_create: (sim, op, at) => {
    const disk = op.diskId === null ? undefined : sim.store.get('disk', op.diskId);
    if (!disk) return `Disk ${String(op.diskId)} no longer exists`;
    disk.state = 'created';
    disk.dateUpdated = at;
    sim.store.put('disk', disk);
    if (disk.type === 'snapshot' && disk.source !== null) {
      const origin = sim.store.get('disk', disk.source);
      if (origin && !origin.snapshotsId.includes(disk.id)) {
        origin.snapshotsId = [...origin.snapshotsId, disk.id];
        sim.store.put('disk', origin);
      }
    }
    return null;
  },
  iface_create: (sim, op, at) => {
    const iface = op.ifaceId === null ? undefined : sim.store.get('iface', op.ifaceId);
    if (!iface) return `Iface ${String(op.ifaceId)} no longer exists`;
    for (const ipId of iface.ipsId) {
      const ip = sim.store.get('ip', ipId);
      if (!ip) continue;
      assignAddress(sim, ip, typeof op.effectData.ip === 'string' ? op.effectData.ip : null, at);
      sim.store.put('ip', ip);
    }
    iface.state = iface.vmId === null ? 'free' : 'used';
    iface.dateUpdated = at;
    sim.store.put('iface', iface);
    return null;
  },
  vm_create: (sim, op, at) => withVm(sim, op, at, (vm) => void (vm.state = 'running')),
  vm_start: (sim, op, at) => {
    const vm = op.vmId === null ? undefined : sim.store.get('vm', op.vmId);
    if (vm && vm.disksId.length === 0) return `VM ${vm.id} has no system disk to boot from`;
    return withVm(sim, op, at, (v) => void (v.state = 'running'));
  },
  vm_stop: (sim, op, at) => withVm(sim, op, at, (vm) => void (vm.state = 'halted')),
  vm_reboot: (sim, op, at) => withVm(sim, op, at, (vm) => void (vm.state = 'running')),
  vm_update: (sim, op, at) =>
    withVm(sim, op, at, (vm) => {
      const c = op.effectData.changes as Partial<
        Pick<VmRec, 'memory' | 'cores' | 'vmMaxMemory' | 'console' | 'hostname'>
      >;
      Object.assign(vm, c);
    }),
  vm_delete: (sim, op) => {
    const vm = op.vmId === null ? undefined : sim.store.get('vm', op.vmId);
    if (!vm) return `VM ${String(op.vmId)} no longer exists`;
    deleteVm(sim, vm, op.dateUpdated);
    return null;
  },
  disk_attach: (sim, op, at) => {
    const vm = op.vmId === null ? undefined : sim.store.get('vm', op.vmId);
    const disk = op.diskId === null ? undefined : sim.store.get('disk', op.diskId);
    if (!vm || !disk) return 'The VM or the disk no longer exists';
    if (disk.vmsId.length > 0) return `Disk ${disk.id} is already attached`;
    const ids = [...vm.disksId];
    const position =
      typeof op.effectData.position === 'number' ? op.effectData.position : ids.length;
    if (position === 0 && ids.length > 0) {
      // "When options.position is 0, swaps position with current disk 0" (reference §8.1).
      ids.push(ids[0]!);
      ids[0] = disk.id;
    } else {
      ids.splice(Math.min(position, ids.length), 0, disk.id);
    }
    disk.vmsId = [vm.id];
    disk.dateUpdated = at;
    sim.store.put('disk', disk);
    setDisks(sim, vm, ids, at);
    return null;
  },
  disk_detach: (sim, op, at) => {
    const vm = op.vmId === null ? undefined : sim.store.get('vm', op.vmId);
    const disk = op.diskId === null ? undefined : sim.store.get('disk', op.diskId);
    if (!vm || !disk) return 'The VM or the disk no longer exists';
    detachDisk(sim, disk, at);
    setDisks(
      sim,
      vm,
      vm.disksId.filter((id) => id !== disk.id),
      at,
    );
    return null;
  },
  disk_update: (sim, op, at) => {
    const disk = op.diskId === null ? undefined : sim.store.get('disk', op.diskId);
    if (!disk) return `Disk ${String(op.diskId)} no longer exists`;
    Object.assign(disk, op.effectData.changes as Partial<DiskRec>, { dateUpdated: at });
    sim.store.put('disk', disk);
    return null;
  },
  disk_rollback: (sim, op, at) => {
    const disk = op.diskId === null ? undefined : sim.store.get('disk', op.diskId);
    if (!disk) return `Disk ${String(op.diskId)} no longer exists`;
    disk.dateUpdated = at;
    sim.store.put('disk', disk);
    return null;
  },
  disk_delete: (sim, op) => {
    const disk = op.diskId === null ? undefined : sim.store.get('disk', op.diskId);
    if (!disk) return `Disk ${String(op.diskId)} no longer exists`;
    if (disk.vmsId.length > 0) return `Disk ${disk.id} is attached`;
    deleteDisk(sim, disk);
    return null;
  },
  iface_attach: (sim, op, at) => {
    const vm = op.vmId === null ? undefined : sim.store.get('vm', op.vmId);
    const iface = op.ifaceId === null ? undefined : sim.store.get('iface', op.ifaceId);
    if (!vm || !iface) return 'The VM or the iface no longer exists';
    if (iface.vmId !== null) return `Iface ${iface.id} is already attached`;
    iface.vmId = vm.id;
    iface.state = 'used';
    sim.store.put('iface', iface);
    setIfaces(sim, vm, [...vm.ifacesId, iface.id], at);
    return null;
  },
  iface_detach: (sim, op, at) => {
    const vm = op.vmId === null ? undefined : sim.store.get('vm', op.vmId);
    const iface = op.ifaceId === null ? undefined : sim.store.get('iface', op.ifaceId);
    if (!vm || !iface) return 'The VM or the iface no longer exists';
    freeIface(sim, iface.id, at);
    setIfaces(
      sim,
      vm,
      vm.ifacesId.filter((id) => id !== iface.id),
      at,
    );
    return null;
  },
  iface_update: (sim, op, at) => {
    const iface = op.ifaceId === null ? undefined : sim.store.get('iface', op.ifaceId);
    if (!iface) return `Iface ${String(op.ifaceId)} no longer exists`;
    if (typeof op.effectData.bandwidth === 'number') iface.bandwidth = op.effectData.bandwidth;
    iface.dateUpdated = at;
    sim.store.put('iface', iface);
    return null;
  },
  iface_delete: (sim, op) => {
    const iface = op.ifaceId === null ? undefined : sim.store.get('iface', op.ifaceId);
    if (!iface) return `Iface ${String(op.ifaceId)} no longer exists`;
    if (iface.vmId !== null) return `Iface ${iface.id} is attached`;
    deleteIface(sim, iface.id);
    return null;
  },
  ip_update: (sim, op, at) => {
    const ip = op.ipId === null ? undefined : sim.store.get('ip', op.ipId);
    if (!ip) return `IP ${String(op.ipId)} no longer exists`;
    if (typeof op.effectData.reverse === 'string') ip.reverse = op.effectData.reverse;
    ip.dateUpdated = at;
    sim.store.put('ip', ip);
    return null;
  },
  vlan_create: (sim, op) => {
    const vlanId = op.created.find((c) => c.kind === 'vlan')?.id;
    const vlan = vlanId === undefined ? undefined : sim.store.get('vlan', vlanId);
    if (!vlan) return 'The VLAN no longer exists';
    vlan.state = 'created';
    sim.store.put('vlan', vlan);
    op.params = { ...op.params, vlan_id: vlan.id };
    return null;
  },
  vlan_update: (sim, op) => {
    const vlan = sim.store.get('vlan', Number(op.params.vlan_id));
    if (!vlan) return 'The VLAN no longer exists';
    Object.assign(vlan, op.effectData.changes as object);
    sim.store.put('vlan', vlan);
    return null;
  },
  vlan_delete: (sim, op) => {
    const id = Number(op.params.vlan_id);
    for (const iface of sim.store.tables.iface.values())
      if (iface.vlanId === id) return `VLAN ${id} still has interfaces`;
    sim.store.del('vlan', id);
    return null;
  },
  hosting_migration_vm: (sim, op, at) =>
    withVm(sim, op, at, (vm) => {
      const to = Number(op.params.to_dc_id);
      vm.datacenterId = to;
      vm.isMigrating = false;
      for (const id of vm.disksId) moveDisk(sim, id, to, at);
      for (const id of vm.ifacesId) moveIface(sim, id, to, at);
    }),
  hosting_migration_disk: (sim, op, at) => {
    if (op.diskId === null || !sim.store.get('disk', op.diskId)) return 'The disk no longer exists';
    moveDisk(sim, op.diskId, Number(op.params.to_dc_id), at);
    return null;
  },
};

export function applyEffect(sim: Sim, op: OperationRec, at: number): string | null {
  if (op.type.startsWith('rproxy_')) return applyRproxyEffect(sim, op, at);
  const effect = EFFECTS[op.type];
  // Billed at the operation's own time, however late the next request applies it.
  return effect ? sim.at(at, () => effect(sim, op, at)) : null;
}

function withVm(
  sim: Sim,
  op: OperationRec,
  at: number,
  change: (vm: VmRec) => void,
): string | null {
  const vm = op.vmId === null ? undefined : sim.store.get('vm', op.vmId);
  if (!vm) return `VM ${String(op.vmId)} no longer exists`;
  change(vm);
  vm.dateUpdated = at;
  sim.store.put('vm', vm);
  return null;
}

/** Undoes what a failed or cancelled operation created at call time. */
export function rollback(sim: Sim, op: OperationRec, at: number): void {
  sim.at(at, () => undo(sim, op, at));
}

function undo(sim: Sim, op: OperationRec, at: number): void {
  if (op.type.startsWith('rproxy_')) return rollbackRproxy(sim, op);
  for (const ref of [...op.created].reverse()) {
    if (ref.kind === 'vm') {
      const vm = sim.store.get('vm', ref.id);
      if (!vm) continue;
      for (const id of vm.disksId) {
        const disk = sim.store.get('disk', id);
        if (disk) detachDisk(sim, disk, at);
      }
      for (const id of vm.ifacesId) freeIface(sim, id, at);
      sim.store.del('vm', vm.id);
    } else if (ref.kind === 'disk') {
      const disk = sim.store.get('disk', ref.id);
      if (disk) deleteDisk(sim, disk);
    } else if (ref.kind === 'iface') {
      deleteIface(sim, ref.id);
    } else if (ref.kind === 'vlan') {
      sim.store.del('vlan', ref.id);
    }
  }
  if (op.type === 'hosting_migration_vm' && op.vmId !== null) {
    const vm = sim.store.get('vm', op.vmId);
    if (vm) sim.store.put('vm', { ...vm, isMigrating: false });
  }
}
