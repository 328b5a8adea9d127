import { DATACENTER_BY_ID } from './catalog';
import { assignAddress } from './provision';
import type { Sim } from './sim';
import type { DiskRec, Id, VmRec } from './types';

/** Keeping VM ↔ disk ↔ iface ↔ IP links consistent when objects move, detach or go away. */

/** vm.delete: the system disk and first iface go with the VM; the rest is detached (§8.1). */
export function deleteVm(sim: Sim, vm: VmRec, at: number): void {
  vm.disksId.forEach((id, position) => {
    const disk = sim.store.get('disk', id);
    if (!disk) return;
    if (position === 0) deleteDisk(sim, disk);
    else detachDisk(sim, disk, at);
  });
  vm.ifacesId.forEach((id, position) => {
    if (position === 0) deleteIface(sim, id);
    else freeIface(sim, id, at);
  });
  sim.store.del('vm', vm.id);
}

export function setDisks(sim: Sim, vm: VmRec, ids: Id[], at: number): void {
  vm.disksId = ids;
  vm.dateUpdated = at;
  ids.forEach((id, position) => {
    const disk = sim.store.get('disk', id);
    if (disk && disk.isBootDisk !== (position === 0))
      sim.store.put('disk', { ...disk, isBootDisk: position === 0 });
  });
  sim.store.put('vm', vm);
}

export function setIfaces(sim: Sim, vm: VmRec, ids: Id[], at: number): void {
  vm.ifacesId = ids;
  vm.dateUpdated = at;
  ids.forEach((id, num) => {
    const iface = sim.store.get('iface', id);
    if (iface && iface.num !== num) sim.store.put('iface', { ...iface, num, dateUpdated: at });
  });
  sim.store.put('vm', vm);
}

export function detachDisk(sim: Sim, disk: DiskRec, at: number): void {
  sim.store.put('disk', { ...disk, vmsId: [], isBootDisk: false, dateUpdated: at });
}

export function freeIface(sim: Sim, id: Id, at: number): void {
  const iface = sim.store.get('iface', id);
  if (!iface) return;
  sim.store.put('iface', {
    ...iface,
    vmId: null,
    num: null,
    state: iface.state === 'used' ? 'free' : iface.state,
    dateUpdated: at,
  });
}

export function deleteDisk(sim: Sim, disk: DiskRec): void {
  if (disk.source !== null) {
    const origin = sim.store.get('disk', disk.source);
    if (origin?.snapshotsId.includes(disk.id)) {
      sim.store.put('disk', {
        ...origin,
        snapshotsId: origin.snapshotsId.filter((s) => s !== disk.id),
      });
    }
  }
  sim.store.del('disk', disk.id);
}

export function deleteIface(sim: Sim, id: Id): void {
  const iface = sim.store.get('iface', id);
  if (!iface) return;
  for (const ipId of iface.ipsId) sim.store.del('ip', ipId);
  sim.store.del('iface', id);
}

export function moveDisk(sim: Sim, id: Id, to: Id, at: number): void {
  const disk = sim.store.get('disk', id);
  if (disk)
    sim.store.put('disk', { ...disk, datacenterId: to, isMigrating: false, dateUpdated: at });
}

export function moveIface(sim: Sim, id: Id, to: Id, at: number): void {
  const iface = sim.store.get('iface', id);
  if (!iface || !DATACENTER_BY_ID.has(to)) return;
  sim.store.put('iface', { ...iface, datacenterId: to, dateUpdated: at });
  for (const ipId of iface.ipsId) {
    const ip = sim.store.get('ip', ipId);
    if (!ip) continue;
    const moved = { ...ip, datacenterId: to };
    if (iface.type === 'public') assignAddress(sim, moved, null, at);
    sim.store.put('ip', moved);
  }
}
