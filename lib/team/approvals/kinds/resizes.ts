import 'server-only';
import { z } from 'zod';
import { renameOrResizeDisk } from '@/lib/dal/disk-mutations';
import { resizeVm } from '@/lib/dal/vm-mutations';
import { defineKind } from './request-kind';
import { formatSize } from '@/lib/format-size';

/**
 * Growing a VM or a disk past a quota. They run as the forms' own changes do, re-planned against
 * the resource as it is when approved (a restart the member did not agree to is still refused).
 */

const id = z.number().int().positive();

export const vmResizeKind = defineKind({
  action: 'vm.update',
  params: z
    .object({
      vm_id: id,
      hostname: z.string().min(1),
      cores: id,
      memory: id,
      accept_reboot: z.boolean(),
    })
    .strict(),
  creates: false,
  describe: ({ hostname, cores, memory }) =>
    `Resize VM ${hostname} to ${cores} core${cores === 1 ? '' : 's'}, ${formatSize(memory)}`,
  run: ({ vm_id, cores, memory, accept_reboot }, { conn }) =>
    resizeVm(conn, vm_id, { cores, memory }, accept_reboot),
});

export const diskResizeKind = defineKind({
  action: 'disk.update',
  params: z
    .object({
      disk_id: id,
      name: z.string().min(1),
      size_gb: id,
      // The disk's name when the request was filed (`name` is the one the form asks for).
      current_name: z.string().min(1).optional(),
    })
    .strict(),
  creates: false,
  describe: ({ name, size_gb, current_name }) =>
    current_name === undefined || current_name === name
      ? `Grow disk ${name} to ${size_gb} GB`
      : `Grow disk ${current_name} to ${size_gb} GB (renamed ${name})`,
  run: ({ disk_id, name, size_gb }, { conn }) =>
    renameOrResizeDisk(conn, disk_id, { name, sizeGb: size_gb }),
});
