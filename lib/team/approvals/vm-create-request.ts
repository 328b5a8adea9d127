import { z } from 'zod';
import type { CreateVmInput } from '@/lib/validation/vm';
import { buildCreateFromCall, type CreateFromCall } from '@/lib/validation/vm-create-call';
import { formatSize } from '@/lib/format-size';

/**
 * A wizard creation held for approval: the validated `create_from` call, kept in the request
 * without the root password in clear (sealed with the portal's encryption key, and a key name
 * the audit redaction hides), so the portal can run it exactly as asked once approved.
 */

export const VM_CREATE_ACTION = 'vm.create';

/** Binds a sealed password to its workspace: a blob copied to another workspace does not open. */
export function passwordAad(workspaceId: string): string {
  return `approval-password:${workspaceId}`;
}

const idField = z.number().int().positive();

export const vmCreateParamsSchema = z.object({
  hostname: z.string().min(1),
  cores: z.number().int().positive(),
  memory: z.number().int().positive(),
  vm_spec: z
    .object({
      datacenter_id: idField,
      hostname: z.string().min(1),
      memory: z.number().int().positive(),
      cores: z.number().int().positive(),
      ip_version: z.union([z.literal(4), z.literal(6)]),
      bandwidth: z.number().int().positive(),
      keys: z.array(idField).optional(),
    })
    .strict(),
  disk_spec: z
    .object({ datacenter_id: idField, name: z.string().min(1), size: z.number().int().positive() })
    .strict(),
  src_disk_id: idField,
  password_sealed: z.string().min(1).optional(),
});

export type VmCreateParams = z.infer<typeof vmCreateParamsSchema>;

export class VmCreateRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VmCreateRequestError';
  }
}

/** The request's parameters for a validated wizard input; `seal` encrypts the password. */
export function toVmCreateParams(
  input: Omit<CreateVmInput, 'token'>,
  seal: (password: string) => string,
): VmCreateParams {
  // A private VLAN needs its interface created first: not something to hold for days.
  if (input.vlan_id !== undefined) {
    throw new VmCreateRequestError(
      'A VM on a private VLAN cannot be sent for approval; choose the public network.',
    );
  }
  const { vmSpec, diskSpec, srcDiskId } = buildCreateFromCall(input);
  const { password, ...specWithoutPassword } = vmSpec;
  return vmCreateParamsSchema.parse({
    hostname: input.hostname,
    cores: input.cores,
    memory: input.memory,
    vm_spec: specWithoutPassword,
    disk_spec: diskSpec,
    src_disk_id: srcDiskId,
    ...(password ? { password_sealed: seal(password) } : {}),
  });
}

/** The call to run on approval (the password unsealed only now, in memory). */
export function toCreateFromCall(
  params: unknown,
  unseal: (sealed: string) => string,
): CreateFromCall {
  const parsed = vmCreateParamsSchema.safeParse(params);
  if (!parsed.success) throw new VmCreateRequestError('This request is damaged: it cannot run.');
  const { vm_spec, disk_spec, src_disk_id, password_sealed } = parsed.data;
  return {
    vmSpec: password_sealed ? { ...vm_spec, password: unseal(password_sealed) } : { ...vm_spec },
    diskSpec: { ...disk_spec },
    srcDiskId: src_disk_id,
  };
}

/** The title of such a request on the approvals page. */
export function describeVmCreate(params: unknown): string | null {
  const parsed = vmCreateParamsSchema.safeParse(params);
  if (!parsed.success) return null;
  const { hostname, cores, memory } = parsed.data;
  return `Create VM ${hostname} (${cores} core${cores === 1 ? '' : 's'}, ${formatSize(memory)})`;
}
