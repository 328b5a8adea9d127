import type { RawMigrationCheck, RawVmInfo, RawVmSummary } from './raw-types';
import { reshapeMigrationCheck, reshapeVmInfo, reshapeVmSummary } from './reshape';
import {
  asCount,
  asListOf,
  asOne,
  asOperation,
  asOperations,
  optionsParam,
  read,
  write,
} from './rpc';
import type {
  DiskAttachOptions,
  DiskSpec,
  GandiConnection,
  Id,
  ListOptions,
  MigrationCheck,
  Operation,
  VmInfo,
  VmSpec,
  VmSummary,
  VmUpdateSpec,
} from './types';

/** `hosting.vm.list`: one page of VMs (filters `state`, `hostname`, `datacenter_id`…). */
export function vmList(conn: GandiConnection, options?: ListOptions): Promise<VmSummary[]> {
  return read(
    conn,
    'hosting.vm.list',
    optionsParam(options),
    asListOf<RawVmSummary, VmSummary>('vm', reshapeVmSummary),
  );
}

/** `hosting.vm.count`: how many VMs match. */
export function vmCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.vm.count', optionsParam(options), asCount);
}

/** `hosting.vm.info`: one VM with its disks and interfaces (and their IPs). */
export function vmInfo(conn: GandiConnection, vmId: Id): Promise<VmInfo> {
  return read(conn, 'hosting.vm.info', [vmId], asOne<RawVmInfo, VmInfo>('vm', reshapeVmInfo));
}

/** `hosting.vm.create`: a VM on an existing system disk (`sys_disk_id`); [iface_create?, vm_create]. */
export function vmCreate(conn: GandiConnection, spec: VmSpec): Promise<Operation[]> {
  return write(conn, 'hosting.vm.create', [{ ...spec }], asOperations);
}

/** `hosting.vm.create_from`: a VM on a copy of `srcDiskId`; [disk_create, iface_create?, vm_create]. */
export function vmCreateFrom(
  conn: GandiConnection,
  vmSpec: VmSpec,
  diskSpec: DiskSpec,
  srcDiskId: Id,
): Promise<Operation[]> {
  return write(
    conn,
    'hosting.vm.create_from',
    [{ ...vmSpec }, { ...diskSpec }, srcDiskId],
    asOperations,
  );
}

/** `hosting.vm.update`: memory, cores, console, password, max memory, hostname. */
export function vmUpdate(conn: GandiConnection, vmId: Id, spec: VmUpdateSpec): Promise<Operation> {
  return write(conn, 'hosting.vm.update', [vmId, { ...spec }], asOperation);
}

/** `hosting.vm.start`: boots a halted VM. */
export function vmStart(conn: GandiConnection, vmId: Id): Promise<Operation> {
  return write(conn, 'hosting.vm.start', [vmId], asOperation);
}

/** `hosting.vm.stop`: halts a running VM. */
export function vmStop(conn: GandiConnection, vmId: Id): Promise<Operation> {
  return write(conn, 'hosting.vm.stop', [vmId], asOperation);
}

/** `hosting.vm.reboot`: reboots a VM. */
export function vmReboot(conn: GandiConnection, vmId: Id): Promise<Operation> {
  return write(conn, 'hosting.vm.reboot', [vmId], asOperation);
}

/** `hosting.vm.delete`: deletes a VM with its system disk and first interface. */
export function vmDelete(conn: GandiConnection, vmId: Id): Promise<Operation> {
  return write(conn, 'hosting.vm.delete', [vmId], asOperation);
}

/** `hosting.vm.disk_attach`: attaches a disk (position 0 swaps the system disk). */
export function vmDiskAttach(
  conn: GandiConnection,
  vmId: Id,
  diskId: Id,
  options?: DiskAttachOptions,
): Promise<Operation> {
  return write(
    conn,
    'hosting.vm.disk_attach',
    [vmId, diskId, ...optionsParam(options)],
    asOperation,
  );
}

/** `hosting.vm.disk_detach`: detaches a disk (the system disk only from a halted VM). */
export function vmDiskDetach(conn: GandiConnection, vmId: Id, diskId: Id): Promise<Operation> {
  return write(conn, 'hosting.vm.disk_detach', [vmId, diskId], asOperation);
}

/** `hosting.vm.iface_attach`: attaches a free interface. */
export function vmIfaceAttach(conn: GandiConnection, vmId: Id, ifaceId: Id): Promise<Operation> {
  return write(conn, 'hosting.vm.iface_attach', [vmId, ifaceId], asOperation);
}

/** `hosting.vm.iface_detach`: detaches an interface. */
export function vmIfaceDetach(conn: GandiConnection, vmId: Id, ifaceId: Id): Promise<Operation> {
  return write(conn, 'hosting.vm.iface_detach', [vmId, ifaceId], asOperation);
}

/** `hosting.vm.can_migrate`: whether and where the VM can move. */
export function vmCanMigrate(conn: GandiConnection, vmId: Id): Promise<MigrationCheck> {
  return read(
    conn,
    'hosting.vm.can_migrate',
    [vmId],
    asOne<RawMigrationCheck, MigrationCheck>('migration check', reshapeMigrationCheck),
  );
}

/** `hosting.vm.migrate`: starts a migration, or finalizes it with `finalize: true`. */
export function vmMigrate(conn: GandiConnection, vmId: Id, finalize: boolean): Promise<Operation> {
  return write(conn, 'hosting.vm.migrate', [vmId, finalize], asOperation);
}
