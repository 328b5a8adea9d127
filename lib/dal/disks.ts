import 'server-only';
import {
  diskCount,
  diskInfo,
  diskList,
  diskListKernels,
  GandiError,
  listAll,
  operationList,
  snapshotProfileList,
  vmInfo,
  vmCount,
  vmList,
  type GandiConnection,
} from '@/lib/gandi';
import { listDatacenters, listImages } from './catalog';
import type {
  Datacenter,
  Disk,
  Id,
  Image,
  Operation,
  SnapshotProfile,
  VmSummary,
} from '@/lib/gandi/types';
import { FINAL_STEPS } from '@/lib/gandi/types';
import { DISK_SORTS, type DiskListQuery } from '@/lib/validation/disk-list-query';

/** Rows per page of the disk list. */
export const DISK_PAGE_SIZE = 25;
/** How many of a disk's operations its page shows. */
export const DISK_OPERATIONS_SHOWN = 20;

/** Where a disk is attached: the VM and the disk's position in it (0 = system disk). */
export interface Attachment {
  vmId: Id;
  hostname: string;
  /** null when the VM could not be read (deleted meanwhile, another account). */
  position: number | null;
  vmState: string | null;
}

/** What the list shows per row; nothing here may carry the key (it goes to the browser). */
export interface DiskRow {
  id: Id;
  name: string;
  sizeMb: number;
  type: string;
  state: string;
  datacenter: string;
  attachment: Attachment | null;
  kernel: string | null;
  snapshotProfile: string | null;
}

export interface DiskPage {
  rows: DiskRow[];
  total: number;
  page: number;
  pageSize: number;
  datacenters: Datacenter[];
}

export function datacenterLabel(datacenters: readonly Datacenter[], id: Id): string {
  const dc = datacenters.find((candidate) => candidate.id === id);
  return dc ? (dc.dcCode ?? dc.name) : `#${id}`;
}

/** The API filter for the list's URL query (shared by `diskList` and `diskCount`). */
export function diskListFilters(query: DiskListQuery): Record<string, string | number> {
  const filters: Record<string, string | number> = {};
  if (query.type) filters.type = query.type;
  if (query.dc) filters.datacenter_id = query.dc;
  if (query.q) filters['~name'] = `%${query.q}%`;
  return filters;
}

/** The attachment of a disk, from the VMs it names (one list call for a whole page). */
export function attachmentOf(disk: Disk, vms: ReadonlyMap<Id, VmSummary>): Attachment | null {
  const vmId = disk.vmIds[0];
  if (vmId === undefined) return null;
  const vm = vms.get(vmId);
  if (!vm) return { vmId, hostname: `VM #${vmId}`, position: null, vmState: null };
  const index = vm.diskIds.indexOf(disk.id);
  return {
    vmId,
    hostname: vm.hostname,
    position: index === -1 ? null : index,
    vmState: vm.state,
  };
}

async function vmsById(conn: GandiConnection, ids: Id[]): Promise<Map<Id, VmSummary>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const vms = await listAll(conn, vmList, { id: unique });
  return new Map(vms.map((vm) => [vm.id, vm]));
}

function profileName(disk: Disk, profiles: readonly SnapshotProfile[]): string | null {
  if (disk.snapshotProfile) return disk.snapshotProfile.name;
  if (disk.snapshotProfileId === null) return null;
  return (
    profiles.find((p) => p.id === disk.snapshotProfileId)?.name ?? `#${disk.snapshotProfileId}`
  );
}

/**
 * One page of disks, filtered, sorted and paged by the API. The attached VMs come from one
 * `vmList` call restricted to the page's VMs (for hostname and position).
 */
export async function getDiskPage(conn: GandiConnection, query: DiskListQuery): Promise<DiskPage> {
  const filters = diskListFilters(query);
  const [disks, total, datacenters, profiles] = await Promise.all([
    diskList(conn, {
      ...filters,
      page: query.page - 1,
      items_per_page: DISK_PAGE_SIZE,
      sort_by: DISK_SORTS[query.sort],
    }),
    diskCount(conn, filters),
    listDatacenters(conn),
    snapshotProfileList(conn),
  ]);
  const vms = await vmsById(
    conn,
    disks.flatMap((disk) => disk.vmIds),
  );
  const rows = disks.map((disk): DiskRow => ({
    id: disk.id,
    name: disk.name,
    sizeMb: disk.size,
    type: disk.type,
    state: disk.state,
    datacenter: datacenterLabel(datacenters, disk.datacenterId),
    attachment: attachmentOf(disk, vms),
    kernel: disk.kernelVersion,
    snapshotProfile: profileName(disk, profiles),
  }));
  return { rows, total, page: query.page, pageSize: DISK_PAGE_SIZE, datacenters };
}

export function isRunningOperation(operation: Operation): boolean {
  return !FINAL_STEPS.includes(operation.step);
}

function isNotFoundError(err: unknown): boolean {
  return err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND';
}

export interface DiskDetail {
  disk: Disk;
  datacenter: Datacenter | null;
  datacenters: Datacenter[];
  attachment: Attachment | null;
  /** The disk's snapshots, newest first. */
  snapshots: Disk[];
  /** For a snapshot (or a copy): the disk it was taken from, when it is one of the account's. */
  origin: { id: Id; name: string } | null;
  /** Kernels offered in the disk's datacenter, flattened and in the API's order. */
  kernels: string[];
  profiles: SnapshotProfile[];
  /** VMs of the disk's datacenter it could be attached to. */
  vms: { id: Id; hostname: string; state: string; diskCount: number }[];
  operations: Operation[];
  runningOperationIds: Id[];
}

/** Everything the disk page needs, read in parallel where possible. */
export async function getDiskDetail(conn: GandiConnection, id: Id): Promise<DiskDetail> {
  const disk = await diskInfo(conn, id);
  const attachedVmId = disk.vmIds[0];
  const [datacenters, kernelList, profiles, dcVms, operations, snapshots, attachedVm, origin] =
    await Promise.all([
      listDatacenters(conn),
      diskListKernels(conn, disk.datacenterId),
      snapshotProfileList(conn),
      listAll(conn, vmList, { datacenter_id: disk.datacenterId }, vmCount),
      operationList(conn, {
        disk_id: id,
        sort_by: 'date_created DESC',
        items_per_page: DISK_OPERATIONS_SHOWN,
      }),
      disk.snapshotIds.length === 0
        ? Promise.resolve([])
        : listAll(conn, diskList, { id: disk.snapshotIds }),
      attachedVmId === undefined
        ? Promise.resolve(null)
        : vmInfo(conn, attachedVmId).catch((err: unknown) => {
            if (isNotFoundError(err)) return null;
            throw err;
          }),
      disk.source === null
        ? Promise.resolve(null)
        : diskInfo(conn, disk.source).then(
            (source) => ({ id: source.id, name: source.name }),
            // An image's source disk belongs to Gandi, not to the account.
            (err: unknown) => {
              if (isNotFoundError(err)) return null;
              throw err;
            },
          ),
    ]);
  const vmMap = new Map<Id, VmSummary>(attachedVm ? [[attachedVm.id, attachedVm]] : []);
  return {
    disk,
    datacenter: datacenters.find((dc) => dc.id === disk.datacenterId) ?? null,
    datacenters,
    attachment: attachmentOf(disk, vmMap),
    snapshots: [...snapshots].sort(
      (a, b) => (b.dateCreated?.getTime() ?? 0) - (a.dateCreated?.getTime() ?? 0) || b.id - a.id,
    ),
    origin,
    kernels: Object.values(kernelList).flat(),
    profiles,
    vms: dcVms.map((vm) => ({
      id: vm.id,
      hostname: vm.hostname,
      state: vm.state,
      diskCount: vm.diskIds.length,
    })),
    operations,
    runningOperationIds: operations.filter(isRunningOperation).map((op) => op.id),
  };
}

export interface DiskCreateChoices {
  datacenters: Datacenter[];
  images: Image[];
  disks: { id: Id; name: string; sizeMb: number; type: string; datacenterId: Id }[];
  profiles: SnapshotProfile[];
}

/** What the create form offers: open datacenters, images, the account's disks and profiles. */
export async function getDiskCreateChoices(conn: GandiConnection): Promise<DiskCreateChoices> {
  const [datacenters, images, disks, profiles] = await Promise.all([
    listDatacenters(conn),
    listImages(conn),
    listAll(conn, diskList, { sort_by: 'name ASC' }, diskCount),
    snapshotProfileList(conn),
  ]);
  return {
    datacenters,
    images,
    disks: disks.map((disk) => ({
      id: disk.id,
      name: disk.name,
      sizeMb: disk.size,
      type: disk.type,
      datacenterId: disk.datacenterId,
    })),
    profiles,
  };
}
