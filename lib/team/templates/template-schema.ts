import { z } from 'zod';
import { formList } from '@/lib/validation/form';
import {
  BANDWIDTH_CHOICES_KBPS,
  coresSchema,
  DISK_STEP_MB,
  diskSizeProblem,
  hostnameSchema,
  idField,
  IP_MODES,
  memorySchema,
} from '@/lib/validation/vm';

/**
 * A VM template: everything the creation wizard asks except the hostname (given at launch). The
 * same rules as the wizard (`lib/validation/vm.ts`); the launch checks it again against the
 * account's live catalogue. Templates hold no password: access is by SSH key only.
 */

export const TEMPLATE_NAME_MAX = 60;
/** `run`: the first-boot script gandi.cli passes as `--run`. */
export const RUN_SCRIPT_MAX = 16_384;
/** Who may launch a template besides the owner (viewers create nothing). */
export const LAUNCH_ROLES = ['admin', 'operator'] as const;
export type LaunchRole = (typeof LAUNCH_ROLES)[number];

const diskSizeGb = z.coerce
  .number({ error: 'Disk size must be a number.' })
  .int('Disk size is a whole number of GB.')
  .superRefine((gb, ctx) => {
    const problem = diskSizeProblem(gb * DISK_STEP_MB, null);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const optionalId = z.preprocess(
  (value) => (value === '' || value === undefined || value === null ? undefined : value),
  idField.optional(),
);

export const templateFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the template a name.')
    .max(TEMPLATE_NAME_MAX, `At most ${TEMPLATE_NAME_MAX} characters.`),
  datacenter_id: idField,
  src_disk_id: idField,
  cores: coresSchema,
  memory: memorySchema,
  disk_size_gb: diskSizeGb,
  ip_mode: z.enum(IP_MODES, { error: 'Choose IPv4 + IPv6 or IPv6 only.' }),
  bandwidth: z.coerce
    .number()
    .refine((kbps) => (BANDWIDTH_CHOICES_KBPS as readonly number[]).includes(kbps), {
      message: 'Choose a bandwidth from the list.',
    }),
  ssh_key_ids: formList(idField).pipe(
    z.array(z.number()).min(1, 'Choose at least one SSH key: templates carry no password.'),
  ),
  run: z
    .string()
    .optional()
    .transform((value) => (value ?? '').replace(/\r\n/g, '\n'))
    .refine((value) => value.length <= RUN_SCRIPT_MAX, {
      message: `The script is at most ${RUN_SCRIPT_MAX} characters.`,
    })
    .refine((value) => !value.includes('\0'), { message: 'The script cannot contain NUL bytes.' }),
  snapshot_profile: optionalId,
  roles: formList(z.enum(LAUNCH_ROLES, { error: 'Choose roles from the list.' })),
});

export type TemplateForm = z.output<typeof templateFormSchema>;

/** An edit is validated by the very rules of a new template, plus which one it replaces. */
export const templateUpdateSchema = templateFormSchema.extend({ template_id: z.uuid() });

/** What is stored (and sent to the launch): the form minus name and roles, sizes in MB. */
export interface TemplateSpec {
  datacenter_id: number;
  src_disk_id: number;
  cores: number;
  memory: number;
  disk_size: number;
  ip_mode: (typeof IP_MODES)[number];
  bandwidth: number;
  ssh_key_ids: number[];
  run: string;
  snapshot_profile: number | null;
}

export function specOf(form: TemplateForm): TemplateSpec {
  return {
    datacenter_id: form.datacenter_id,
    src_disk_id: form.src_disk_id,
    cores: form.cores,
    memory: form.memory,
    disk_size: form.disk_size_gb * DISK_STEP_MB,
    ip_mode: form.ip_mode,
    bandwidth: form.bandwidth,
    ssh_key_ids: [...new Set(form.ssh_key_ids)],
    run: form.run,
    snapshot_profile: form.snapshot_profile ?? null,
  };
}

/** Reads a stored spec back, refusing anything a hand-edited database could have put there. */
export const storedSpecSchema = z.object({
  datacenter_id: idField,
  src_disk_id: idField,
  cores: coresSchema,
  memory: memorySchema,
  disk_size: z
    .number()
    .int()
    .superRefine((mb, ctx) => {
      const problem = diskSizeProblem(mb, null);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ip_mode: z.enum(IP_MODES),
  bandwidth: z
    .number()
    .refine((kbps) => (BANDWIDTH_CHOICES_KBPS as readonly number[]).includes(kbps)),
  ssh_key_ids: z.array(idField).min(1),
  run: z.string().max(RUN_SCRIPT_MAX),
  snapshot_profile: idField.nullable(),
});

export const launchSchema = z.object({
  template_id: z.uuid({ error: 'Choose a template.' }),
  hostname: hostnameSchema,
});

/** Owners launch everything; others when their role is listed. */
export function mayLaunch(role: string, roles: readonly string[]): boolean {
  return role === 'owner' || roles.includes(role);
}
