/**
 * Rules for disk input (create, rename, resize, kernel, snapshot profile, attach, detach,
 * rollback, delete, migrate), shared by the browser (hints before submit) and the server actions
 * (the authority). No server-only imports here.
 *
 * Sizes are whole GB in the forms and MB on the wire (reference §9.2: gandi.cli refuses sizes that
 * are not multiples of 1024 MB). A disk only grows (CAUSE_CANNOT_SHRINK). Disk names follow the
 * API's 255-character limit with a conservative character set (they end up as filesystem labels).
 */
import { z } from 'zod';
import { parseCmdline, type KernelCmdline } from './disk-cmdline';
import { formCheckbox } from './form';

export {
  CMDLINE_MAX_LENGTH,
  formatCmdline,
  parseCmdline,
  type KernelCmdline,
} from './disk-cmdline';

export const MB_PER_GB = 1024;
export const DISK_SIZE_GB = { min: 1, max: 1024 } as const;
export const DISK_NAME_MAX_LENGTH = 255;
/** Attachment positions: 0 is the system disk. The API states no maximum; Xen offers 16 devices. */
export const DISK_POSITION = { min: 0, max: 15 } as const;
export const DISK_TYPES = ['data', 'snapshot'] as const;
export type DiskType = (typeof DISK_TYPES)[number];
export const DISK_SOURCES = ['empty', 'disk', 'image'] as const;
export type DiskSource = (typeof DISK_SOURCES)[number];

// ---------------------------------------------------------------------------------------------
// Single rules: each returns the problem in words, or null when fine.

export function diskNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a disk name.';
  if (name.length > DISK_NAME_MAX_LENGTH)
    return `A disk name is at most ${DISK_NAME_MAX_LENGTH} characters.`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name))
    return 'Use letters, digits, dots, hyphens and underscores, starting with a letter or digit.';
  return null;
}

export function sizeGbProblem(gb: number): string | null {
  if (!Number.isInteger(gb)) return 'The size is a whole number of GB.';
  if (gb < DISK_SIZE_GB.min) return `A disk is at least ${DISK_SIZE_GB.min} GB.`;
  if (gb > DISK_SIZE_GB.max) return `A disk is at most ${DISK_SIZE_GB.max} GB.`;
  return null;
}

/** The size in whole GB a disk of `mb` MB shows as (rounded up: never suggest shrinking). */
export function mbToGb(mb: number): number {
  return Math.ceil(mb / MB_PER_GB);
}

/** Growing only: the new size must be strictly larger than the current one. */
export function resizeProblem(gb: number, currentMb: number): string | null {
  const basic = sizeGbProblem(gb);
  if (basic) return basic;
  const newMb = gb * MB_PER_GB;
  if (newMb < currentMb)
    return `A disk cannot be made smaller: choose at least ${mbToGb(currentMb)} GB.`;
  return null;
}

/** A copy must hold its source: at least the source's size (empty = the source's size). */
export function copySizeProblem(gb: number, sourceMb: number): string | null {
  const basic = sizeGbProblem(gb);
  if (basic) return basic;
  if (gb * MB_PER_GB < sourceMb)
    return `The copy must hold its source: at least ${mbToGb(sourceMb)} GB.`;
  return null;
}

export function kernelProblem(kernel: string, available: readonly string[]): string | null {
  if (kernel.length === 0) return 'Choose a kernel.';
  if (!available.includes(kernel)) return 'Choose a kernel offered in this datacenter.';
  return null;
}

export function positionProblem(position: number): string | null {
  if (!Number.isInteger(position) || position < DISK_POSITION.min || position > DISK_POSITION.max)
    return `The position is a whole number from ${DISK_POSITION.min} to ${DISK_POSITION.max}.`;
  return null;
}

/** The facts about a disk the relation rules below need. */
export interface DiskFacts {
  name: string;
  type: string;
  datacenterId: number;
  vmIds: readonly number[];
  canSnapshot: boolean;
  snapshotIds: readonly number[];
}

export interface VmFacts {
  id: number;
  hostname: string;
  state: string;
  datacenterId: number;
}

export function attachProblem(
  disk: DiskFacts,
  vm: VmFacts & { diskCount: number },
  position?: number,
): string | null {
  if (disk.type === 'snapshot')
    return 'A snapshot cannot be attached: create a disk from it to use its data.';
  if (disk.vmIds.length > 0)
    return 'This disk is already attached to a VM (a disk can be attached to only one): detach it first.';
  if (disk.datacenterId !== vm.datacenterId)
    return `${vm.hostname} is in another datacenter: a disk can only be attached to a VM of its own datacenter.`;
  // The API inserts at a position between 0 and the VM's disk count (0 swaps with the system disk).
  if (position !== undefined && position > vm.diskCount)
    return `${vm.hostname} has ${vm.diskCount} disk${vm.diskCount === 1 ? '' : 's'}: choose a position from 0 to ${vm.diskCount}, or leave it empty.`;
  return null;
}

/** Position 0 is the system disk: the API detaches it only from a halted VM. */
export function detachProblem(
  position: number,
  vm: Pick<VmFacts, 'hostname' | 'state'>,
): string | null {
  if (position === 0 && vm.state !== 'halted')
    return `This is the system disk of ${vm.hostname}: stop the VM before detaching it.`;
  return null;
}

export function snapshotProblem(disk: Pick<DiskFacts, 'type' | 'canSnapshot'>): string | null {
  if (disk.type === 'snapshot') return 'A snapshot cannot itself be snapshotted.';
  if (!disk.canSnapshot) return 'The API does not allow snapshots of this disk.';
  return null;
}

/** A disk in use is rolled back only while its VM is halted (it must not write meanwhile). */
export function rollbackProblem(
  disk: DiskFacts,
  snapshotId: number,
  attachedVm: Pick<VmFacts, 'hostname' | 'state'> | null = null,
): string | null {
  if (!disk.snapshotIds.includes(snapshotId)) return 'This snapshot does not belong to this disk.';
  if (attachedVm && attachedVm.state !== 'halted')
    return `Stop ${attachedVm.hostname} first: a disk is rolled back only while its VM is halted.`;
  return null;
}

export function deleteProblem(disk: DiskFacts, attachedTo: string | null): string | null {
  if (disk.vmIds.length > 0)
    return `This disk is attached to ${attachedTo ?? 'a VM'}: detach it before deleting it.`;
  return null;
}

export function confirmNameProblem(typed: string, name: string): string | null {
  if (typed !== name) return `Type ${name} exactly to confirm.`;
  return null;
}

export function migrateProblem(
  disk: DiskFacts,
  targetId: number,
  canMigrateTo: readonly number[],
): string | null {
  if (disk.vmIds.length > 0) return 'Detach the disk before migrating it.';
  if (canMigrateTo.length === 0) return "This disk's datacenter offers no migration.";
  if (!canMigrateTo.includes(targetId)) return 'Choose a datacenter this disk can migrate to.';
  return null;
}

// ---------------------------------------------------------------------------------------------
// zod schemas (FormData values arrive as strings).

function fromProblem<T>(problem: (value: T) => string | null) {
  return (value: T, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };
}

/** Form text → number; blank → undefined (so "missing" and "not a number" read differently). */
function toNumber(value: unknown): unknown {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  return typeof value === 'string' ? Number(value) : value;
}

const numberField = (label: string) =>
  z.preprocess(
    toNumber,
    z.number({
      error: (issue) =>
        issue.input === undefined ? `Enter the ${label}.` : `The ${label} must be a number.`,
    }),
  );

const optionalNumberField = (label: string) =>
  z.preprocess(toNumber, z.number({ error: `The ${label} must be a number.` }).optional());

export const diskIdField = z.coerce.number({ error: 'Unknown disk.' }).int().positive();
const idField = z.coerce.number().int().positive();

export const diskNameSchema = z.string().trim().superRefine(fromProblem(diskNameProblem));
export const sizeGbSchema = numberField('size').superRefine(fromProblem(sizeGbProblem));

/** `''` = no profile; otherwise a profile id. */
export const snapshotProfileField = z
  .string()
  .optional()
  .transform((value, ctx): number | null => {
    if (value === undefined || value === '') return null;
    const id = Number(value);
    if (!Number.isInteger(id) || id <= 0) {
      ctx.addIssue({ code: 'custom', message: 'Choose a snapshot profile from the list.' });
      return z.NEVER;
    }
    return id;
  });

export const createDiskSchema = z
  .object({
    source: z.enum(DISK_SOURCES, { error: 'Choose what the disk starts with.' }),
    datacenter_id: idField.optional(),
    name: diskNameSchema,
    size_gb: optionalNumberField('size').superRefine((gb, ctx) => {
      if (gb !== undefined) fromProblem(sizeGbProblem)(gb, ctx);
    }),
    src_disk_id: idField.optional().catch(undefined),
    image_disk_id: idField.optional().catch(undefined),
    snapshot_profile: snapshotProfileField,
  })
  .superRefine((input, ctx) => {
    if (input.source === 'empty') {
      if (input.datacenter_id === undefined)
        ctx.addIssue({ code: 'custom', message: 'Choose a datacenter.', path: ['datacenter_id'] });
      if (input.size_gb === undefined)
        ctx.addIssue({ code: 'custom', message: 'Enter the size.', path: ['size_gb'] });
    }
    if (input.source === 'disk' && input.src_disk_id === undefined)
      ctx.addIssue({ code: 'custom', message: 'Choose the disk to copy.', path: ['src_disk_id'] });
    if (input.source === 'image' && input.image_disk_id === undefined)
      ctx.addIssue({ code: 'custom', message: 'Choose an image.', path: ['image_disk_id'] });
  });
export type CreateDiskInput = z.infer<typeof createDiskSchema>;

/** Rename and grow in one form; only what changed is sent. */
export const updateDiskSchema = z.object({
  disk_id: diskIdField,
  name: diskNameSchema,
  size_gb: sizeGbSchema,
});

export const kernelSchema = z.object({
  disk_id: diskIdField,
  kernel: z.string().trim().min(1, 'Choose a kernel.'),
  cmdline: z
    .string()
    .optional()
    .transform((text, ctx): KernelCmdline => {
      const parsed = parseCmdline(text ?? '');
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }
      return parsed.value;
    }),
});

export const snapshotProfileSchema = z.object({
  disk_id: diskIdField,
  snapshot_profile: snapshotProfileField,
});

export const attachDiskSchema = z.object({
  disk_id: diskIdField,
  vm_id: z.coerce.number({ error: 'Choose a VM.' }).int().positive('Choose a VM.'),
  position: optionalNumberField('position').superRefine((position, ctx) => {
    if (position !== undefined) fromProblem(positionProblem)(position, ctx);
  }),
  read_only: formCheckbox,
});

export const diskOnlySchema = z.object({ disk_id: diskIdField });

export const rollbackSchema = z.object({
  disk_id: diskIdField,
  snapshot_id: z.coerce.number({ error: 'Choose a snapshot.' }).int().positive(),
});

export const deleteDiskSchema = z.object({
  disk_id: diskIdField,
  confirm_name: z.string().trim().min(1, 'Type the disk name to confirm.'),
});

export const migrateDiskSchema = z.object({
  disk_id: diskIdField,
  datacenter_id: z.coerce
    .number({ error: 'Choose a datacenter.' })
    .int()
    .positive('Choose a datacenter.'),
});

// ---------------------------------------------------------------------------------------------
// Snapshot names

/** `data1` at 2026-11-27 19:05:03 UTC → `data1-snap-20261127-190503` (valid, ≤ 255 characters). */
export function defaultSnapshotName(diskName: string, now: Date): string {
  const iso = now.toISOString(); // always UTC
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
  const suffix = `-snap-${stamp}`;
  return `${diskName.slice(0, DISK_NAME_MAX_LENGTH - suffix.length)}${suffix}`;
}

/** The snapshot form's optional name: blank → a generated one. */
export const snapshotSchema = z.object({
  disk_id: diskIdField,
  name: z
    .string()
    .trim()
    .optional()
    .transform((value) => value ?? '')
    .superRefine((value, ctx) => {
      if (value !== '') fromProblem(diskNameProblem)(value, ctx);
    }),
});
