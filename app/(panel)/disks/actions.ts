'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, defineAction, defineJsonAction } from '@/lib/action';
import { listFreeDisks } from '@/lib/dal/vm-hub';
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
import { diskInfo } from '@/lib/gandi';
import { holdDelete } from '@/lib/team/approvals/policy-hook';
import { diskCopySource, type ResourceRef } from '@/lib/team/permission';
import {
  attachDiskSchema,
  confirmNameProblem,
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
// The third argument names the team permission and the disks (and VMs) an action touches.

const theDisk = ({ disk_id }: { disk_id: number }): ResourceRef => ({ kind: 'disk', id: disk_id });

export const createDiskAction = defineAction(
  createDiskSchema,
  async (input, ctx) => {
    // Team members: the gate decides the create call (catalogue, ownership of a source, quotas).
    const result = await createDisk(ctx.conn, input);
    revalidatePath('/disks');
    return result;
  },
  {
    permission: 'disk.create',
    // A copy reads its source disk: it must be one the member may use.
    resource: diskCopySource,
  },
);

export const updateDiskAction = defineAction(
  updateDiskSchema,
  async ({ disk_id, name, size_gb }, ctx) => {
    return renameOrResizeDisk(ctx.conn, disk_id, { name, sizeGb: size_gb });
  },
  { permission: 'disk.update', resource: theDisk },
);

export const setKernelAction = defineAction(
  kernelSchema,
  async ({ disk_id, kernel, cmdline }, { conn }) => setDiskKernel(conn, disk_id, kernel, cmdline),
  { permission: 'disk.update', resource: theDisk },
);

export const setSnapshotProfileAction = defineAction(
  snapshotProfileSchema,
  async ({ disk_id, snapshot_profile }, { conn }) =>
    setDiskSnapshotProfile(conn, disk_id, snapshot_profile),
  { permission: 'disk.update', resource: theDisk },
);

export const attachDiskAction = defineAction(
  attachDiskSchema,
  async ({ disk_id, vm_id, position, read_only }, { conn }) =>
    attachDisk(conn, { diskId: disk_id, vmId: vm_id, position, readOnly: read_only }),
  {
    permission: 'disk.attach',
    resource: ({ disk_id, vm_id }) => [
      { kind: 'disk', id: disk_id },
      { kind: 'vm', id: vm_id },
    ],
  },
);

export const detachDiskAction = defineAction(
  diskOnlySchema,
  async ({ disk_id }, { conn }) => detachDisk(conn, disk_id),
  { permission: 'disk.detach', resource: theDisk },
);

export const snapshotDiskAction = defineAction(
  snapshotSchema,
  async ({ disk_id, name }, ctx) => {
    return snapshotDisk(ctx.conn, disk_id, name);
  },
  { permission: 'disk.snapshot', resource: theDisk },
);

export const rollbackDiskAction = defineAction(
  rollbackSchema,
  async ({ disk_id, snapshot_id }, { conn }) => rollbackDisk(conn, disk_id, snapshot_id),
  { permission: 'disk.rollback', resource: theDisk },
);

export const deleteDiskAction = defineAction(
  deleteDiskSchema,
  async ({ disk_id, confirm_name }, ctx) => {
    // An operator's delete under the "deletes need approval" policy becomes a request.
    const call = { method: 'hosting.disk.delete', args: [disk_id] };
    const held = await holdDelete(ctx, 'disk.delete', call, async () => {
      const disk = await diskInfo(ctx.conn, disk_id);
      const mismatch = confirmNameProblem(confirm_name, disk.name);
      if (mismatch) throw new ActionError(mismatch, { confirm_name: [mismatch] });
      return { disk_id, name: disk.name };
    });
    if (held) return held;
    const result = await deleteDisk(ctx.conn, disk_id, confirm_name);
    revalidatePath('/disks');
    return result;
  },
  { permission: 'disk.delete', resource: theDisk },
);

export const migrateDiskAction = defineAction(
  migrateDiskSchema,
  async ({ disk_id, datacenter_id }, { conn }) => migrateDisk(conn, disk_id, datacenter_id),
  { permission: 'disk.migrate', resource: theDisk },
);

/**
 * The free disks a VM of `datacenter_id` may attach, asked when the user wants to pick one: the
 * API has no "free" filter, so finding them reads every data disk of the datacenter (thousands
 * on a large account) — not a cost every view of a VM page should pay.
 */
export const freeDisksAction = defineJsonAction(
  z.object({ datacenter_id: z.number().int().positive() }),
  async ({ datacenter_id }, { conn }) => listFreeDisks(conn, datacenter_id),
  { permission: 'disk.read' },
);
