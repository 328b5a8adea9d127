'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import {
  attachDisk,
  createDisk,
  deleteDisk,
  detachDisk,
  migrateDisk,
  renameOrResizeDisk,
  rollbackDisk,
  setDiskKernel,
  setDiskSnapshotProfile,
  snapshotDisk,
} from '@/lib/dal/disk-mutations';
import {
  attachDiskSchema,
  createDiskSchema,
  deleteDiskSchema,
  diskOnlySchema,
  kernelSchema,
  migrateDiskSchema,
  rollbackSchema,
  snapshotProfileSchema,
  snapshotSchema,
  updateDiskSchema,
} from '@/lib/validation/disk';

// Thin on purpose: each action is parsed, session-checked and error-mapped by defineAction; the
// work is in lib/dal/disk-mutations.ts. Pages refresh themselves when the operations settle.

export const createDiskAction = defineAction(createDiskSchema, async (input, { conn }) => {
  const result = await createDisk(conn, input);
  revalidatePath('/disks');
  return result;
});

export const updateDiskAction = defineAction(
  updateDiskSchema,
  async ({ disk_id, name, size_gb }, { conn }) =>
    renameOrResizeDisk(conn, disk_id, { name, sizeGb: size_gb }),
);

export const setKernelAction = defineAction(
  kernelSchema,
  async ({ disk_id, kernel, cmdline }, { conn }) => setDiskKernel(conn, disk_id, kernel, cmdline),
);

export const setSnapshotProfileAction = defineAction(
  snapshotProfileSchema,
  async ({ disk_id, snapshot_profile }, { conn }) =>
    setDiskSnapshotProfile(conn, disk_id, snapshot_profile),
);

export const attachDiskAction = defineAction(
  attachDiskSchema,
  async ({ disk_id, vm_id, position, read_only }, { conn }) =>
    attachDisk(conn, { diskId: disk_id, vmId: vm_id, position, readOnly: read_only }),
);

export const detachDiskAction = defineAction(diskOnlySchema, async ({ disk_id }, { conn }) =>
  detachDisk(conn, disk_id),
);

export const snapshotDiskAction = defineAction(
  snapshotSchema,
  async ({ disk_id, name }, { conn }) => snapshotDisk(conn, disk_id, name),
);

export const rollbackDiskAction = defineAction(
  rollbackSchema,
  async ({ disk_id, snapshot_id }, { conn }) => rollbackDisk(conn, disk_id, snapshot_id),
);

export const deleteDiskAction = defineAction(
  deleteDiskSchema,
  async ({ disk_id, confirm_name }, { conn }) => {
    const result = await deleteDisk(conn, disk_id, confirm_name);
    revalidatePath('/disks');
    return result;
  },
);

export const migrateDiskAction = defineAction(
  migrateDiskSchema,
  async ({ disk_id, datacenter_id }, { conn }) => migrateDisk(conn, disk_id, datacenter_id),
);
