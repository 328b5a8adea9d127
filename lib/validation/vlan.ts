/**
 * Rules for private VLANs and private interfaces (shared by the browser and the server actions).
 * The subnet/address arithmetic lives in `./network`.
 */
import { z } from 'zod';
import { gatewayProblem, privateAddressProblem, subnetProblem } from './network';
import { idField } from './vm';

export const VLAN_NAME_MAX_LENGTH = 50;

/** Names as gandi.cli users write them (`test_vlan`, `backend-1`): no spaces, no punctuation. */
export function vlanNameProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter a name for the VLAN.';
  if (value.length > VLAN_NAME_MAX_LENGTH)
    return `A VLAN name is at most ${VLAN_NAME_MAX_LENGTH} characters.`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value))
    return 'Use letters, digits, dots, hyphens and underscores, starting with a letter or digit.';
  return null;
}

const trimmedOptional = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

function addProblem(ctx: z.RefinementCtx, path: string, message: string | null) {
  if (message) ctx.addIssue({ code: 'custom', message, path: [path] });
}

/**
 * Create: name and datacenter are required; the subnet is optional (the API then picks one,
 * e.g. 192.168.0.0/24); a gateway needs a subnet to be checked against, and must lie inside it.
 */
export const createVlanSchema = z
  .object({
    name: z.string().trim(),
    datacenter_id: z.coerce
      .number({ error: 'Choose a datacenter.' })
      .int()
      .positive({ error: 'Choose a datacenter.' }),
    subnet: trimmedOptional,
    gateway: trimmedOptional,
  })
  .superRefine((input, ctx) => {
    addProblem(ctx, 'name', vlanNameProblem(input.name));
    if (input.subnet !== undefined) addProblem(ctx, 'subnet', subnetProblem(input.subnet));
    if (input.gateway !== undefined) {
      if (input.subnet === undefined)
        addProblem(ctx, 'gateway', 'Give the subnet too, so the gateway can be placed in it.');
      else if (!subnetProblem(input.subnet))
        addProblem(ctx, 'gateway', gatewayProblem(input.gateway, input.subnet));
    }
  });
export type CreateVlanInput = z.infer<typeof createVlanSchema>;

/**
 * Rename / change the gateway. The subnet cannot change (the API has no such parameter); it is
 * re-read on the server from the VLAN itself, not trusted from the form.
 */
export const updateVlanSchema = z.object({
  vlan_id: idField,
  name: z.string().trim(),
  gateway: trimmedOptional,
});
export type UpdateVlanInput = z.infer<typeof updateVlanSchema>;

/** The checks of an update once the VLAN's real subnet is known. */
export function updateVlanProblems(
  input: Pick<UpdateVlanInput, 'name' | 'gateway'>,
  subnet: string | null,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const name = vlanNameProblem(input.name);
  if (name) problems.name = [name];
  if (input.gateway !== undefined) {
    const gateway = subnet
      ? gatewayProblem(input.gateway, subnet)
      : 'This VLAN has no subnet yet: the gateway cannot be placed.';
    if (gateway) problems.gateway = [gateway];
  }
  return problems;
}

export const deleteVlanSchema = z.object({
  vlan_id: idField,
  confirm_name: z.string().trim().min(1, 'Type the VLAN name to confirm.'),
});

/** A private interface in a VLAN, with an address of its subnet or one the API chooses. */
export const createPrivateIfaceSchema = z.object({
  vlan_id: idField,
  ip: trimmedOptional,
  vm_id: z.preprocess(
    (value) => (value === '' || value === undefined ? undefined : value),
    idField.optional(),
  ),
});
export type CreatePrivateIfaceInput = z.infer<typeof createPrivateIfaceSchema>;

/** The check of a requested private address against the VLAN as the API describes it. */
export function privateIfaceProblems(
  ip: string | undefined,
  vlan: { subnet: string | null; gateway: string | null },
): Record<string, string[]> {
  if (ip === undefined) return {};
  if (!vlan.subnet) return { ip: ['This VLAN has no subnet yet: leave the address empty.'] };
  const problem = privateAddressProblem(ip, vlan.subnet, vlan.gateway);
  return problem ? { ip: [problem] } : {};
}

// The VLAN list's URL
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const vlanListQuerySchema = z.object({
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(1_000_000).catch(1)),
  dc: z.preprocess(firstValue, idField.optional().catch(undefined)),
});
export type VlanListQuery = z.infer<typeof vlanListQuerySchema>;
