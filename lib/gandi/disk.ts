import type { RawDisk } from './raw-types';
import { reshapeDisk, reshapeKernelList, struct } from './reshape';
import { asCount, asListOf, asOne, asOperation, optionsParam, read, write } from './rpc';
import type {
  Disk,
  DiskSpec,
  DiskUpdateSpec,
  GandiConnection,
  Id,
  KernelList,
  ListOptions,
  Operation,
} from './types';

const asDisk = asOne<RawDisk, Disk>('disk', reshapeDisk);

/** `hosting.disk.list`: disks (filters `datacenter_id`, `type`, `name`, `vm_id`…). */
export function diskList(conn: GandiConnection, options?: ListOptions): Promise<Disk[]> {
  return read(
    conn,
    'hosting.disk.list',
    optionsParam(options),
    asListOf<RawDisk, Disk>('disk', reshapeDisk),
  );
}

/** `hosting.disk.count`: how many disks match. */
export function diskCount(conn: GandiConnection, options?: ListOptions): Promise<number> {
  return read(conn, 'hosting.disk.count', optionsParam(options), asCount);
}

/** `hosting.disk.info`: one disk, with its snapshot profile. */
export function diskInfo(conn: GandiConnection, diskId: Id): Promise<Disk> {
  return read(conn, 'hosting.disk.info', [diskId], asDisk);
}

/** `hosting.disk.create`: an empty disk; the op carries `disk_id`. */
export function diskCreate(conn: GandiConnection, spec: DiskSpec): Promise<Operation> {
  return write(conn, 'hosting.disk.create', [{ ...spec }], asOperation);
}

/** `hosting.disk.create_from`: a copy of a disk or image (also snapshots, with `type: 'snapshot'`). */
export function diskCreateFrom(
  conn: GandiConnection,
  spec: DiskSpec,
  srcDiskId: Id,
): Promise<Operation> {
  return write(conn, 'hosting.disk.create_from', [{ ...spec }, srcDiskId], asOperation);
}

/** `hosting.disk.update`: rename, grow, change kernel or snapshot profile (`''` removes it). */
export function diskUpdate(
  conn: GandiConnection,
  diskId: Id,
  spec: DiskUpdateSpec,
): Promise<Operation> {
  return write(conn, 'hosting.disk.update', [diskId, { ...spec }], asOperation);
}

/** `hosting.disk.delete`: erases a detached disk. */
export function diskDelete(conn: GandiConnection, diskId: Id): Promise<Operation> {
  return write(conn, 'hosting.disk.delete', [diskId], asOperation);
}

/** `hosting.disk.list_kernels`: kernels available in a datacenter, by flavour. */
export function diskListKernels(conn: GandiConnection, datacenterId: Id): Promise<KernelList> {
  return read(conn, 'hosting.disk.list_kernels', [datacenterId], (v) =>
    reshapeKernelList(struct<Record<string, unknown>>(v, 'kernel list')),
  );
}

/** `hosting.disk.list_options`: kernel command-line options of a kernel (shape not documented). */
export function diskListOptions(
  conn: GandiConnection,
  kernelVersion: string,
): Promise<Record<string, unknown>> {
  return read(conn, 'hosting.disk.list_options', [kernelVersion], (v) =>
    struct<Record<string, unknown>>(v, 'kernel options'),
  );
}

/** `hosting.disk.rollback_from`: restores a disk from one of its snapshots. */
export function diskRollbackFrom(conn: GandiConnection, snapshotId: Id): Promise<Operation> {
  return write(conn, 'hosting.disk.rollback_from', [snapshotId], asOperation);
}

/** `hosting.disk.migrate`: moves a detached disk to another datacenter. */
export function diskMigrate(
  conn: GandiConnection,
  diskId: Id,
  targetDatacenterId: Id,
): Promise<Operation> {
  return write(conn, 'hosting.disk.migrate', [diskId, targetDatacenterId], asOperation);
}
