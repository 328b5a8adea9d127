import 'server-only';
import { ActionError } from '@/lib/action';
import {
  datacenterList,
  diskCreate,
  diskCreateFrom,
  diskDelete,
  diskInfo,
  diskListKernels,
  diskMigrate,
  diskRollbackFrom,
  diskUpdate,
  GandiError,
  imageList,
  snapshotProfileList,
  vmDiskAttach,
  vmDiskDetach,
  vmInfo,
  type GandiConnection,
} from '@/lib/gandi';
import type {
  Datacenter,
  DiskAttachOptions,
  DiskSpec,
  DiskUpdateSpec,
  Id,
  Operation,
} from '@/lib/gandi/types';
import {
  attachProblem,
  confirmNameProblem,
  copySizeProblem,
  defaultSnapshotName,
  deleteProblem,
  detachProblem,
  kernelProblem,
  MB_PER_GB,
  mbToGb,
  migrateProblem,
  resizeProblem,
  rollbackProblem,
  snapshotProblem,
  type CreateDiskInput,
  type KernelCmdline,
} from '@/lib/validation/disk';

/** What an action that started operations returns to the browser (ids for `<OperationProgress>`). */
export interface StartedDiskOperations {
  operations: { id: Id; type: string }[];
  /** The disk the operations concern (for a create or a snapshot: the new one). */
  diskId: Id | null;
}

function started(op: Operation, diskId: Id | null = op.diskId): StartedDiskOperations {
  return { operations: [{ id: op.id, type: op.type }], diskId };
}

function refuse(message: string, field?: string): never {
  throw new ActionError(message, field ? { [field]: [message] } : undefined);
}

/** For a `.catch`: an id chosen in a form that no longer exists becomes a refusal on its field. */
function notFoundAs(message: string, field: string) {
  return (err: unknown): never => {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') refuse(message, field);
    throw err;
  };
}

/** A datacenter that takes new disks (`iaas_closed_for` ALL refuses every creation). */
function openDatacenter(datacenters: readonly Datacenter[], id: Id, field: string): Datacenter {
  const dc = datacenters.find((candidate) => candidate.id === id);
  if (!dc) refuse('Choose a datacenter from the list.', field);
  if (dc.iaasClosedFor === 'ALL') refuse(`${dc.name} is closed to new disks.`, field);
  return dc;
}

// ---------------------------------------------------------------------------------------------
// Create: empty, a copy of one of the account's disks, or an image

/** The call a disk creation makes: `disk.create` (empty) or `disk.create_from` (a source). */
export interface DiskCreatePlan {
  spec: DiskSpec & { datacenter_id: Id };
  srcDiskId: Id | null;
}

/** Checks the form's input against the account (reads only) and says which call it makes. */
export async function planDiskCreate(
  conn: GandiConnection,
  input: CreateDiskInput,
): Promise<DiskCreatePlan> {
  const datacenters = await datacenterList(conn);
  const spec: DiskSpec = { name: input.name, type: 'data' };
  if (input.snapshot_profile !== null) spec.snapshot_profile = input.snapshot_profile;
  if (input.size_gb !== undefined) spec.size = input.size_gb * MB_PER_GB;

  if (input.source === 'empty') {
    const dc = openDatacenter(datacenters, input.datacenter_id ?? 0, 'datacenter_id');
    return { spec: { ...spec, datacenter_id: dc.id }, srcDiskId: null };
  }

  let source: { diskId: Id; datacenterId: Id; sizeMb: number | null; field: string };
  if (input.source === 'disk') {
    const disk = await diskInfo(conn, input.src_disk_id ?? 0).catch(
      notFoundAs('Choose a disk from the list.', 'src_disk_id'),
    );
    source = {
      diskId: disk.id,
      datacenterId: disk.datacenterId,
      sizeMb: disk.size,
      field: 'src_disk_id',
    };
  } else {
    const images = await imageList(conn);
    const image = images.find((candidate) => candidate.diskId === input.image_disk_id);
    if (!image) refuse('Choose an image from the list.', 'image_disk_id');
    source = {
      diskId: image.diskId,
      datacenterId: image.datacenterId,
      sizeMb: image.size,
      field: 'image_disk_id',
    };
  }
  // A copy is made in its source's datacenter (the form derives it; the server does not trust it).
  if (input.datacenter_id !== undefined && input.datacenter_id !== source.datacenterId)
    refuse('The copy is made in the datacenter of its source.', 'datacenter_id');
  const dc = openDatacenter(datacenters, source.datacenterId, source.field);
  if (input.size_gb !== undefined && source.sizeMb !== null) {
    const problem = copySizeProblem(input.size_gb, source.sizeMb);
    if (problem) refuse(problem, 'size_gb');
  }
  return { spec: { ...spec, datacenter_id: dc.id }, srcDiskId: source.diskId };
}

export async function createDisk(
  conn: GandiConnection,
  input: CreateDiskInput,
): Promise<StartedDiskOperations> {
  const { spec, srcDiskId } = await planDiskCreate(conn, input);
  return started(
    srcDiskId === null ? await diskCreate(conn, spec) : await diskCreateFrom(conn, spec, srcDiskId),
  );
}

// ---------------------------------------------------------------------------------------------
// Update: rename and grow; kernel and command line; snapshot profile

export async function renameOrResizeDisk(
  conn: GandiConnection,
  diskId: Id,
  wanted: { name: string; sizeGb: number },
): Promise<StartedDiskOperations> {
  const disk = await diskInfo(conn, diskId);
  // The form starts from the size in whole GB (rounded up): that value means "unchanged".
  const sizeChanged = wanted.sizeGb !== mbToGb(disk.size);
  if (disk.type === 'snapshot' && sizeChanged) refuse('A snapshot can only be renamed.', 'size_gb');
  const spec: DiskUpdateSpec = {};
  if (wanted.name !== disk.name) spec.name = wanted.name;
  const sizeProblem = resizeProblem(wanted.sizeGb, disk.size);
  if (sizeProblem) refuse(sizeProblem, 'size_gb');
  if (sizeChanged) spec.size = wanted.sizeGb * MB_PER_GB;
  if (Object.keys(spec).length === 0)
    refuse('Nothing to change: enter a new name or a larger size.');
  return started(await diskUpdate(conn, diskId, spec));
}

export async function setDiskKernel(
  conn: GandiConnection,
  diskId: Id,
  kernel: string,
  cmdline: KernelCmdline,
): Promise<StartedDiskOperations> {
  const disk = await diskInfo(conn, diskId);
  if (disk.type === 'snapshot') refuse('A snapshot keeps the kernel of its disk.');
  const available = Object.values(await diskListKernels(conn, disk.datacenterId)).flat();
  const problem = kernelProblem(kernel, available);
  if (problem) refuse(problem, 'kernel');
  return started(await diskUpdate(conn, diskId, { kernel, cmdline }));
}

export async function setDiskSnapshotProfile(
  conn: GandiConnection,
  diskId: Id,
  profileId: Id | null,
): Promise<StartedDiskOperations> {
  const disk = await diskInfo(conn, diskId);
  if (disk.type === 'snapshot') refuse('A snapshot has no snapshot profile of its own.');
  if (profileId !== null) {
    const profiles = await snapshotProfileList(conn);
    if (!profiles.some((profile) => profile.id === profileId))
      refuse('Choose a snapshot profile from the list.', 'snapshot_profile');
  }
  if ((disk.snapshotProfileId ?? null) === profileId)
    refuse(
      profileId === null ? 'This disk has no profile to remove.' : 'This profile is already set.',
    );
  // gandi.cli sends '' to remove the profile (reference §9.2).
  return started(await diskUpdate(conn, diskId, { snapshot_profile: profileId ?? '' }));
}

// ---------------------------------------------------------------------------------------------
// Attach and detach

export async function attachDisk(
  conn: GandiConnection,
  input: { diskId: Id; vmId: Id; position: number | undefined; readOnly: boolean },
): Promise<StartedDiskOperations> {
  const [disk, vm] = await Promise.all([
    diskInfo(conn, input.diskId),
    vmInfo(conn, input.vmId).catch(notFoundAs('Choose a VM from the list.', 'vm_id')),
  ]);
  const facts = { ...vm, diskCount: vm.diskIds.length };
  const vmProblem = attachProblem(disk, facts);
  if (vmProblem) refuse(vmProblem, 'vm_id');
  const positionProblem = attachProblem(disk, facts, input.position);
  if (positionProblem) refuse(positionProblem, 'position');
  const options: DiskAttachOptions = {};
  if (input.position !== undefined) options.position = input.position;
  if (input.readOnly) options.access = 'read';
  return started(await vmDiskAttach(conn, vm.id, disk.id, options));
}

/** Re-checks against the VM as it is now: the page may have seen it halted before it started. */
export async function detachDisk(
  conn: GandiConnection,
  diskId: Id,
): Promise<StartedDiskOperations> {
  const disk = await diskInfo(conn, diskId);
  const vmId = disk.vmIds[0];
  if (vmId === undefined) refuse('This disk is not attached.');
  const vm = await vmInfo(conn, vmId);
  const problem = detachProblem(vm.diskIds.indexOf(disk.id), vm);
  if (problem) refuse(problem);
  return started(await vmDiskDetach(conn, vm.id, disk.id));
}

// ---------------------------------------------------------------------------------------------
// Snapshot and rollback

export async function snapshotDisk(
  conn: GandiConnection,
  diskId: Id,
  name: string,
  now: Date = new Date(),
): Promise<StartedDiskOperations> {
  const disk = await diskInfo(conn, diskId);
  const problem = snapshotProblem(disk);
  if (problem) refuse(problem);
  const op = await diskCreateFrom(
    conn,
    {
      datacenter_id: disk.datacenterId,
      name: name === '' ? defaultSnapshotName(disk.name, now) : name,
      type: 'snapshot',
    },
    disk.id,
  );
  return started(op);
}

export async function rollbackDisk(
  conn: GandiConnection,
  diskId: Id,
  snapshotId: Id,
): Promise<StartedDiskOperations> {
  const disk = await diskInfo(conn, diskId);
  const vmId = disk.vmIds[0];
  const vm = vmId === undefined ? null : await vmInfo(conn, vmId);
  const problem = rollbackProblem(disk, snapshotId, vm);
  if (problem) refuse(problem);
  return started(await diskRollbackFrom(conn, snapshotId), disk.id);
}

// ---------------------------------------------------------------------------------------------
// Delete and migrate

export async function deleteDisk(
  conn: GandiConnection,
  diskId: Id,
  confirmName: string,
): Promise<StartedDiskOperations> {
  const disk = await diskInfo(conn, diskId);
  const mismatch = confirmNameProblem(confirmName, disk.name);
  if (mismatch) refuse(mismatch, 'confirm_name');
  const vmId = disk.vmIds[0];
  if (vmId !== undefined) {
    const hostname = await vmInfo(conn, vmId).then(
      (vm) => vm.hostname,
      () => null,
    );
    refuse(deleteProblem(disk, hostname) ?? 'This disk is attached: detach it first.');
  }
  return started(await diskDelete(conn, diskId));
}

export async function migrateDisk(
  conn: GandiConnection,
  diskId: Id,
  targetId: Id,
): Promise<StartedDiskOperations> {
  const [disk, datacenters] = await Promise.all([diskInfo(conn, diskId), datacenterList(conn)]);
  const here = datacenters.find((dc) => dc.id === disk.datacenterId);
  const problem = migrateProblem(disk, targetId, here?.canMigrateTo ?? []);
  if (problem) refuse(problem, 'datacenter_id');
  return started(await diskMigrate(conn, diskId, targetId));
}
