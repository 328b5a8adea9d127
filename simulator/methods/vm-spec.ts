import { bool, HOSTNAME_RE, int, num, onlyKeys, required, str, struct, type Struct } from '../args';
import { dataFault } from '../faults';
import type { XmlParam } from '../xmlrpc/values';
import { owned, type CallContext } from './context';

/** Validation of `vm_spec` / `vm.update` specs (reference §8.2, §8.3, §8.7). */

export const MIN_MEMORY = 256;
export const MAX_MEMORY = 65536;
export const MAX_CORES = 16;

const CREATE_KEYS = [
  'datacenter_id',
  'hostname',
  'memory',
  'cores',
  'ip_version',
  'bandwidth',
  'iface_id',
  'sys_disk_id',
  'login',
  'password',
  'ssh_key',
  'keys',
  'run',
  'script',
  'script_args',
  'farm',
  'ai_active',
] as const;

export interface VmSpecInput {
  spec: Struct;
  hostname: string;
  memory: number;
  cores: number;
  ipVersion: 4 | 6 | null;
  bandwidth: number | null;
  farm: string;
  keys: number[];
}

export function memoryValue(raw: XmlParam | undefined, name: string): number {
  const memory = int(raw, name);
  if (memory < MIN_MEMORY || memory > MAX_MEMORY) {
    throw dataFault(
      'OBJECT_VM',
      'CAUSE_VALUE',
      `${name}: ${memory} is not between ${MIN_MEMORY} and ${MAX_MEMORY}`,
    );
  }
  return memory;
}

export function coresValue(raw: XmlParam | undefined): number {
  const cores = int(raw, 'cores');
  if (cores < 1 || cores > MAX_CORES)
    throw dataFault(
      'OBJECT_VM',
      'CAUSE_VALUE',
      `cores: ${cores} is not between 1 and ${MAX_CORES}`,
    );
  return cores;
}

export function hostnameValue(
  ctx: CallContext,
  raw: XmlParam | undefined,
  exceptVmId: number | null,
): string {
  const hostname = str(raw, 'hostname');
  if (!HOSTNAME_RE.test(hostname)) {
    throw dataFault(
      'OBJECT_VM',
      'CAUSE_HOSTNAME',
      `string '${hostname.slice(0, 64)}' is not a valid hostname`,
    );
  }
  for (const vm of ctx.sim.store.tables.vm.values()) {
    if (vm.accountId === ctx.account.id && vm.hostname === hostname && vm.id !== exceptVmId) {
      throw dataFault('OBJECT_VM', 'CAUSE_EXIST', `A VM named '${hostname}' already exists`);
    }
  }
  return hostname;
}

export function bandwidthValue(raw: XmlParam | undefined): number {
  const bandwidth = num(raw, 'bandwidth');
  if (bandwidth < 1 || bandwidth > 10240000) {
    throw dataFault(
      'OBJECT_BANDWIDTH',
      'CAUSE_VALUE',
      `bandwidth: ${bandwidth} is not between 1 and 10240000`,
    );
  }
  return bandwidth;
}

export function ipVersionValue(raw: XmlParam | undefined): 4 | 6 {
  const version = int(raw, 'ip_version');
  if (version !== 4 && version !== 6)
    throw dataFault('OBJECT_IP', 'CAUSE_VALUE', `ip_version: ${version} is not 4 or 6`);
  return version;
}

/** Checks a create/create_from `vm_spec`; `sys_disk_id` belongs to `hosting.vm.create` only. */
export function parseVmSpec(
  ctx: CallContext,
  raw: XmlParam | undefined,
  forCreate: boolean,
): VmSpecInput {
  const spec = struct(raw, 'vm_spec');
  onlyKeys(
    spec,
    CREATE_KEYS.filter((k) => forCreate || k !== 'sys_disk_id'),
    'vm_spec',
  );
  required(spec, 'datacenter_id', 'vm_spec');
  const hostname = hostnameValue(ctx, required(spec, 'hostname', 'vm_spec'), null);
  const memory = memoryValue(required(spec, 'memory', 'vm_spec'), 'memory');
  const cores = spec.cores === undefined ? 1 : coresValue(spec.cores);
  const hasIface = spec.iface_id !== undefined && spec.iface_id !== null;
  const ipVersion = hasIface ? null : ipVersionValue(required(spec, 'ip_version', 'vm_spec'));
  const bandwidth = spec.bandwidth === undefined ? null : bandwidthValue(spec.bandwidth);
  for (const key of ['login', 'password', 'ssh_key', 'run', 'script', 'script_args'] as const) {
    if (spec[key] !== undefined) str(spec[key], key);
  }
  if (typeof spec.password === 'string' && spec.password.length < 8) {
    throw dataFault('OBJECT_VM', 'CAUSE_BADPARAMETER', 'password: must be at least 8 characters');
  }
  if (spec.ai_active !== undefined) bool(spec.ai_active, 'ai_active');
  const farm = spec.farm === undefined ? 'default' : str(spec.farm, 'farm');
  const keys: number[] = [];
  if (spec.keys !== undefined) {
    if (!Array.isArray(spec.keys))
      throw dataFault('OBJECT_LIST', 'CAUSE_TYPE', 'keys: array of integers expected');
    for (const k of spec.keys) keys.push(owned(ctx, 'ssh', k, 'keys').id);
  }
  return { spec, hostname, memory, cores, ipVersion, bandwidth, farm, keys };
}
