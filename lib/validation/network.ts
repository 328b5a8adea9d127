/**
 * Rules for IP addresses, subnets, reverse DNS and the public-interface forms, shared by the
 * browser (hints while typing) and the server actions (the authority). No server-only imports.
 *
 * IPv4 arithmetic is done on unsigned 32-bit numbers. Private VLAN subnets and addresses are
 * IPv4 only (reference §10.2: "You must have an --ip-version to 4 when having a vlan").
 */
import { z } from 'zod';
import {
  BANDWIDTH_CHOICES_KBPS,
  DEFAULT_BANDWIDTH_KBPS,
  IP_MODES,
  idField,
  type IpMode,
} from './vm';

export { BANDWIDTH_CHOICES_KBPS, DEFAULT_BANDWIDTH_KBPS, IP_MODES, type IpMode };

// ---------------------------------------------------------------------------------------------
// IPv4 and CIDR

/** Strict dotted quad (no leading zeros, no spaces) → unsigned 32-bit number, or null. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export interface Ipv4Subnet {
  /** The network address (host bits zero). */
  network: number;
  prefix: number;
  /** The last address of the range. */
  broadcast: number;
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** `"192.168.0.0/24"` → the subnet, or null when it is not a well-formed IPv4 CIDR. */
export function parseCidr(text: string): Ipv4Subnet | null {
  const match = /^([0-9.]+)\/(0|[1-9][0-9]?)$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const address = parseIpv4(match[1]);
  const prefix = Number(match[2]);
  if (address === null || prefix > 32) return null;
  const mask = maskOf(prefix);
  const network = (address & mask) >>> 0;
  return { network, prefix, broadcast: (network | (~mask >>> 0)) >>> 0 };
}

export function formatCidr(subnet: Ipv4Subnet): string {
  return `${formatIpv4(subnet.network)}/${subnet.prefix}`;
}

/** A VLAN needs room for a gateway and two machines (/30 at least); /16 at most, as the API allows. */
export const VLAN_PREFIX = { min: 16, max: 30 } as const;

/** RFC 1918 ranges: a private VLAN must not shadow addresses that exist on the Internet. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(
  (cidr) => parseCidr(cidr) as Ipv4Subnet,
);

export function subnetContains(subnet: Ipv4Subnet, address: number): boolean {
  return address >= subnet.network && address <= subnet.broadcast;
}

/** How many addresses a machine can use (not the network address, not the broadcast). */
export function usableHostCount(subnet: Ipv4Subnet): number {
  return Math.max(0, subnet.broadcast - subnet.network - 1);
}

export function subnetProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter a subnet, e.g. 192.168.1.0/24.';
  if (!value.includes('/'))
    return 'Write the subnet in CIDR form: address/prefix, e.g. 10.0.0.0/24.';
  const subnet = parseCidr(value);
  if (!subnet) return `${value} is not a valid IPv4 subnet (e.g. 10.0.0.0/24).`;
  if (subnet.prefix < VLAN_PREFIX.min || subnet.prefix > VLAN_PREFIX.max)
    return `The prefix is from /${VLAN_PREFIX.min} to /${VLAN_PREFIX.max}.`;
  const [address] = value.split('/');
  if (parseIpv4(address ?? '') !== subnet.network)
    return `${value} has host bits set: the network is ${formatCidr(subnet)}.`;
  const isPrivate = PRIVATE_RANGES.some(
    (range) => subnetContains(range, subnet.network) && subnetContains(range, subnet.broadcast),
  );
  if (!isPrivate) return 'Use a private range: inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.';
  return null;
}

/**
 * Why `text` cannot be a machine's address in `subnetText` (or null): it must be an IPv4 address
 * inside the subnet, neither its network address nor its broadcast address. `role` names it in
 * the messages ("The gateway", "The address").
 */
export function hostAddressProblem(
  text: string,
  subnetText: string,
  role = 'The address',
): string | null {
  const value = text.trim();
  const address = parseIpv4(value);
  if (address === null) return `${role} must be an IPv4 address such as 192.168.1.1.`;
  const subnet = parseCidr(subnetText.trim());
  if (!subnet) return `${role} cannot be checked until the subnet is valid.`;
  if (!subnetContains(subnet, address))
    return `${role} must be inside ${formatCidr(subnet)} (${formatIpv4(subnet.network + 1)} to ${formatIpv4(subnet.broadcast - 1)}).`;
  if (address === subnet.network)
    return `${value} is the network address of ${formatCidr(subnet)}.`;
  if (address === subnet.broadcast)
    return `${value} is the broadcast address of ${formatCidr(subnet)}.`;
  return null;
}

export function gatewayProblem(gateway: string, subnet: string): string | null {
  return hostAddressProblem(gateway, subnet, 'The gateway');
}

/** A private interface's address: a host address of the VLAN, and not its gateway. */
export function privateAddressProblem(
  address: string,
  subnet: string,
  gateway: string | null,
): string | null {
  const problem = hostAddressProblem(address, subnet);
  if (problem) return problem;
  if (gateway && parseIpv4(address.trim()) === parseIpv4(gateway))
    return `${address.trim()} is the VLAN's gateway: choose another address.`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reverse DNS

export const FQDN_MAX_LENGTH = 253;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/**
 * The API's own FQDN rule (its fault text quotes `^(?:(?!-)[-a-zA-Z0-9]{1,63}(?<!-)(\.|$)){2,}$`):
 * at least two labels of letters, digits and inner hyphens; a trailing dot is allowed. A name
 * ending in a numeric label is refused: that is an address, not a host name.
 */
export function reverseProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter a host name, e.g. mail.example.com.';
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (name.length > FQDN_MAX_LENGTH) return `A host name is at most ${FQDN_MAX_LENGTH} characters.`;
  const labels = name.split('.');
  if (labels.length < 2)
    return 'Enter a fully qualified name with a domain, e.g. mail.example.com.';
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    if (bad === '') return 'A host name cannot contain empty labels (two dots in a row).';
    if (bad.length > 63) return 'Each part of a host name is at most 63 characters.';
    if (bad.startsWith('-') || bad.endsWith('-'))
      return `"${bad}" cannot start or end with a hyphen.`;
    return 'Use only letters, digits, hyphens and dots.';
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? ''))
    return 'That is an address, not a host name: the last part cannot be only digits.';
  return null;
}

// ---------------------------------------------------------------------------------------------
// zod schemas for the forms

function fromProblem<T>(problem: (value: T) => string | null) {
  return (value: T, ctx: z.RefinementCtx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };
}

export const reverseSchema = z.string().trim().superRefine(fromProblem(reverseProblem));

export const bandwidthSchema = z.coerce
  .number({ error: 'Choose a bandwidth from the list.' })
  .refine((kbps) => (BANDWIDTH_CHOICES_KBPS as readonly number[]).includes(kbps), {
    message: 'Choose a bandwidth from the list.',
  });

/** Optional VM to attach the new interface to: '' → none. */
const optionalVmId = z.preprocess(
  (value) => (value === '' || value === undefined ? undefined : value),
  idField.optional(),
);

export const createPublicIfaceSchema = z.object({
  datacenter_id: z.coerce
    .number({ error: 'Choose a datacenter.' })
    .int()
    .positive({ error: 'Choose a datacenter.' }),
  ip_mode: z.enum(IP_MODES, { error: 'Choose IPv4 + IPv6 or IPv6 only.' }),
  bandwidth: bandwidthSchema,
  vm_id: optionalVmId,
});
export type CreatePublicIfaceInput = z.infer<typeof createPublicIfaceSchema>;

export const ipUpdateSchema = z.object({ ip_id: idField, reverse: reverseSchema });

export const ifaceIdSchema = z.object({ iface_id: idField });

export const ifaceAttachSchema = z.object({
  iface_id: idField,
  vm_id: z.coerce.number({ error: 'Choose a VM.' }).int().positive({ error: 'Choose a VM.' }),
});

export const ifaceDetachSchema = z.object({ iface_id: idField, vm_id: idField });

// ---------------------------------------------------------------------------------------------
// The IP list's URL (lenient: a bad value in a shared link falls back to its default)

export const IP_TYPES = ['public', 'private'] as const;
export const IP_VERSIONS = ['4', '6'] as const;
export const IP_SORTS = {
  ip: 'ip ASC',
  '-ip': 'ip DESC',
  '-created': 'date_created DESC',
  created: 'date_created ASC',
} as const;
export type IpSort = keyof typeof IP_SORTS;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const ipListQuerySchema = z.object({
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(1_000_000).catch(1)),
  version: z.preprocess(firstValue, z.enum(IP_VERSIONS).optional().catch(undefined)),
  type: z.preprocess(firstValue, z.enum(IP_TYPES).optional().catch(undefined)),
  dc: z.preprocess(firstValue, idField.optional().catch(undefined)),
  // Hostname characters only: the value goes into a `~vm_hostname` pattern.
  vm: z.preprocess(
    firstValue,
    z
      .string()
      .trim()
      .max(63)
      .regex(/^[A-Za-z0-9.-]*$/)
      .transform((value) => value || undefined)
      .optional()
      .catch(undefined),
  ),
  sort: z.preprocess(
    firstValue,
    z
      .enum(Object.keys(IP_SORTS) as [IpSort, ...IpSort[]])
      .default('-created')
      .catch('-created'),
  ),
});
export type IpListQuery = z.infer<typeof ipListQuerySchema>;

/** Whether any filter is set (the list then says so, and offers to clear them). */
export function isIpListFiltered(query: IpListQuery): boolean {
  return Boolean(query.version || query.type || query.dc || query.vm);
}
