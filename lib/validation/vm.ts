/**
 * Rules for VM input (creation wizard, resize form), shared by the browser (field hints while
 * typing) and the server actions (the authority). No server-only imports here.
 *
 * The API publishes no official limits for most of these; the values follow the reference
 * (§8.7, §8.8): gandishell's memory rule (≥ 256, multiple of 64), cores 1..16, disk sizes in
 * whole GB (MB multiples of 1024) no smaller than the source image, an 8-character password
 * minimum, and a single DNS label as hostname.
 */
import { z } from 'zod';
import { formCheckbox } from './form';

export const HOSTNAME_MAX_LENGTH = 63;
export const MEMORY_MB = { min: 256, max: 65_536, step: 64 } as const;
export const CORES = { min: 1, max: 16 } as const;
/** Disk sizes are whole GB; the API counts MB. */
export const DISK_STEP_MB = 1024;
export const DISK_MAX_MB = 1_048_576;
export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

/** kbit/s, as the API counts them (gandi.cli sends 102400 for 100 Mbit/s). */
export const BANDWIDTH_CHOICES_KBPS = [10_240, 102_400, 1_048_576] as const;
export const DEFAULT_BANDWIDTH_KBPS = 102_400;

/** `dual` = IPv4 + IPv6 (`ip_version: 4` gets both, as gandi.cli shows it), `ipv6` = IPv6 only. */
export const IP_MODES = ['dual', 'ipv6'] as const;
export type IpMode = (typeof IP_MODES)[number];

// ---------------------------------------------------------------------------------------------
// Single rules as plain functions: each returns the problem in words, or null when fine.

export function hostnameProblem(value: string): string | null {
  if (value.length === 0) return 'Enter a hostname.';
  if (value.length > HOSTNAME_MAX_LENGTH)
    return `A hostname is at most ${HOSTNAME_MAX_LENGTH} characters.`;
  if (!/^[A-Za-z0-9-]+$/.test(value))
    return 'Use only letters, digits and hyphens (one label, no dots or spaces).';
  if (value.startsWith('-') || value.endsWith('-'))
    return 'A hostname cannot start or end with a hyphen.';
  return null;
}

export function memoryProblem(mb: number): string | null {
  if (!Number.isInteger(mb)) return 'Memory is a whole number of MB.';
  if (mb < MEMORY_MB.min) return `Memory is at least ${MEMORY_MB.min} MB.`;
  if (mb > MEMORY_MB.max) return `Memory is at most ${MEMORY_MB.max} MB.`;
  if (mb % MEMORY_MB.step !== 0) return `Memory is a multiple of ${MEMORY_MB.step} MB.`;
  return null;
}

export function coresProblem(cores: number): string | null {
  if (!Number.isInteger(cores) || cores < CORES.min || cores > CORES.max)
    return `Cores are a whole number from ${CORES.min} to ${CORES.max}.`;
  return null;
}

/** The smallest allowed system disk for an image: its size rounded up to a whole GB. */
export function minimumDiskSizeMb(imageSizeMb: number | null): number {
  const size = imageSizeMb ?? 0;
  return Math.max(DISK_STEP_MB, Math.ceil(size / DISK_STEP_MB) * DISK_STEP_MB);
}

export function diskSizeProblem(mb: number, imageSizeMb: number | null): string | null {
  if (!Number.isInteger(mb) || mb % DISK_STEP_MB !== 0)
    return 'The disk size is a whole number of GB (a multiple of 1024 MB).';
  const min = minimumDiskSizeMb(imageSizeMb);
  if (mb < min) return `The disk must hold the image: at least ${min / DISK_STEP_MB} GB.`;
  if (mb > DISK_MAX_MB) return `The disk is at most ${DISK_MAX_MB / DISK_STEP_MB} GB.`;
  return null;
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_LENGTH.min)
    return `A password has at least ${PASSWORD_LENGTH.min} characters.`;
  if (password.length > PASSWORD_LENGTH.max)
    return `A password has at most ${PASSWORD_LENGTH.max} characters.`;
  return null;
}

/** The VM must be reachable somehow: a root password, an SSH key, or both. */
export function accessProblem(password: string, sshKeyIds: readonly number[]): string | null {
  if (password.length === 0 && sshKeyIds.length === 0)
    return 'Set a root password or choose at least one SSH key.';
  return null;
}

/** Without a password the emergency console (ssh to console.gandi.net) cannot log in. */
export function consoleUnusable(password: string): boolean {
  return password.length === 0;
}

// ---------------------------------------------------------------------------------------------
// zod schemas built on those rules (FormData values arrive as strings).

function fromProblem<T>(problem: (value: T) => string | null) {
  return (value: T, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };
}

const intField = (label: string) =>
  z.coerce.number({ error: `${label} must be a number.` }).refine(Number.isFinite, {
    message: `${label} must be a number.`,
  });

export const idField = z.coerce.number().int().positive();

export const hostnameSchema = z.string().trim().superRefine(fromProblem(hostnameProblem));
export const memorySchema = intField('Memory').superRefine(fromProblem(memoryProblem));
export const coresSchema = intField('Cores').superRefine(fromProblem(coresProblem));

/** `"3,7"` → `[3, 7]`: the wizard sends the chosen SSH keys as one hidden field. */
export const idListSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const parts = (raw ?? '').split(',').filter((part) => part.trim() !== '');
    const ids = parts.map((part) => Number(part));
    if (ids.some((id) => !Number.isInteger(id) || id <= 0)) {
      ctx.addIssue({ code: 'custom', message: 'Choose SSH keys from the list.' });
      return z.NEVER;
    }
    return [...new Set(ids)];
  });

/**
 * The wizard's submission. The disk size is checked here against the generic rules only; the
 * server checks it again against the real image (the browser does not get to say how big the
 * image is).
 */
export const createVmSchema = z
  .object({
    token: z.uuid({ error: 'The form expired; reload the page.' }),
    datacenter_id: idField,
    src_disk_id: idField,
    hostname: hostnameSchema,
    cores: coresSchema,
    memory: memorySchema,
    disk_size: intField('Disk size').superRefine(
      fromProblem((mb: number) => diskSizeProblem(mb, 0)),
    ),
    ip_mode: z.enum(IP_MODES, { error: 'Choose IPv4 + IPv6 or IPv6 only.' }),
    bandwidth: z.coerce
      .number()
      .refine((kbps) => (BANDWIDTH_CHOICES_KBPS as readonly number[]).includes(kbps), {
        message: 'Choose a bandwidth from the list.',
      }),
    password: z
      .string()
      .optional()
      .transform((value) => value ?? '')
      .superRefine((value, ctx) => {
        if (value === '') return;
        fromProblem(passwordProblem)(value, ctx);
      }),
    ssh_key_ids: idListSchema,
    /** A private VLAN: the VM then gets only a private interface in it (ip_mode/bandwidth unused). */
    vlan_id: z.preprocess(
      (value) => (value === '' || value === undefined ? undefined : value),
      idField.optional(),
    ),
  })
  .superRefine((input, ctx) => {
    const problem = accessProblem(input.password, input.ssh_key_ids);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['password'] });
  });

export type CreateVmInput = z.infer<typeof createVmSchema>;

export const vmIdSchema = z.object({ vm_id: idField });

export const deleteVmSchema = z.object({
  vm_id: idField,
  confirm_hostname: z.string().trim().min(1, 'Type the hostname to confirm.'),
});

export const resizeVmSchema = z.object({
  vm_id: idField,
  memory: memorySchema,
  cores: coresSchema,
  /** The user agreed that the VM restarts (asked only when the change needs it). */
  accept_reboot: formCheckbox,
});

/** `hosting.vm.update` with `hostname`: the API renames a VM in place (any state). */
export const renameVmSchema = z.object({ vm_id: idField, hostname: hostnameSchema });

// ---------------------------------------------------------------------------------------------
// The VM list's URL (filters and page live in the URL so a view can be shared).

export const VM_STATES = [
  'running',
  'halted',
  'being_created',
  'paused',
  'locked',
  'legally_locked',
  'invalid',
] as const;

export const VM_SORTS = {
  hostname: 'hostname ASC',
  '-hostname': 'hostname DESC',
  created: 'date_created ASC',
  '-created': 'date_created DESC',
  memory: 'memory ASC',
  '-memory': 'memory DESC',
} as const;
export type VmSort = keyof typeof VM_SORTS;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Lenient: a bad value in a shared URL falls back to its default instead of an error page. */
export const vmListQuerySchema = z.object({
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(1_000_000).catch(1)),
  state: z.preprocess(firstValue, z.enum(VM_STATES).optional().catch(undefined)),
  dc: z.preprocess(firstValue, idField.optional().catch(undefined)),
  // Only hostname characters: the value goes into a `~hostname` pattern, where `%`/`_` are wildcards.
  q: z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(HOSTNAME_MAX_LENGTH)
      .regex(/^[A-Za-z0-9.-]*$/)
      .optional()
      .catch(undefined),
  ),
  sort: z.preprocess(
    firstValue,
    z
      .enum(Object.keys(VM_SORTS) as [VmSort, ...VmSort[]])
      .default('hostname')
      .catch('hostname'),
  ),
});
export type VmListQuery = z.infer<typeof vmListQuerySchema>;

/** Whether any filter is set (the list then says so, and offers to clear them). */
export function isVmListFiltered(query: VmListQuery): boolean {
  return Boolean(query.state || query.dc || query.q);
}
