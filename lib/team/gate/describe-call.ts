import type { GateCall } from './gate-types';
import { formatSize } from '@/lib/format-size';

/**
 * What a call will do, in words, from the call itself (the approval card shows this, so that an
 * admin approves what will run, source included). Names of the objects it names come from
 * `names` (read when the page renders); without them the ids are shown.
 */
export interface CallNames {
  /** Image label by its source disk id. */
  images?: ReadonlyMap<number, string>;
  /** Current disk name by id. */
  disks?: ReadonlyMap<number, string>;
  /** Current VM hostname by id. */
  vms?: ReadonlyMap<number, string>;
}

type Spec = Record<string, unknown>;
const specAt = (call: GateCall, index: number): Spec => {
  const value = call.args[index];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Spec) : {};
};
const idAt = (call: GateCall, index: number): number | null => {
  const value = call.args[index];
  return typeof value === 'number' ? value : null;
};
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function named(kind: 'VM' | 'disk', id: number | null, names?: ReadonlyMap<number, string>) {
  if (id === null) return `${kind} (unknown)`;
  const name = names?.get(id);
  return name ? `${kind} ${name} (#${id})` : `${kind} #${id}`;
}

/** The source of a copy: an image by its label, or a disk by its current name. */
export function describeSource(id: number | null, names: CallNames): string {
  if (id === null) return 'an unknown source';
  const image = names.images?.get(id);
  if (image) return `image ${image} (disk #${id})`;
  const disk = names.disks?.get(id);
  return disk ? `a copy of disk ${disk} (#${id})` : `a copy of disk #${id}`;
}

function describeVm(spec: Spec): string {
  const cores = num(spec.cores) ?? 1;
  const memory = num(spec.memory);
  const parts = [plural(cores, 'core'), memory === null ? null : formatSize(memory)];
  const dc = num(spec.datacenter_id);
  const keys =
    Array.isArray(spec.keys) && spec.keys.length > 0
      ? `, SSH keys ${spec.keys.map((k) => `#${String(k)}`).join(', ')}`
      : '';
  return `${String(spec.hostname ?? '?')} (${parts.filter(Boolean).join(', ')}) in datacenter #${dc ?? '?'}${keys}`;
}

export function describeCall(call: GateCall, names: CallNames = {}): string {
  switch (call.method) {
    case 'hosting.vm.create_from': {
      const disk = specAt(call, 1);
      const size = num(disk.size);
      return `Create VM ${describeVm(specAt(call, 0))}${size === null ? '' : `, ${formatSize(size)} system disk`} from ${describeSource(idAt(call, 2), names)}`;
    }
    case 'hosting.vm.create':
      return `Create VM ${describeVm(specAt(call, 0))} on disk #${String(specAt(call, 0).sys_disk_id ?? '?')}`;
    case 'hosting.vm.update': {
      const change = specAt(call, 1);
      if (
        typeof change.hostname === 'string' &&
        num(change.cores) === null &&
        num(change.memory) === null
      )
        return `Rename ${named('VM', idAt(call, 0), names.vms)} to ${change.hostname}`;
      const parts = [
        num(change.cores) === null ? null : plural(num(change.cores)!, 'core'),
        num(change.memory) === null ? null : formatSize(num(change.memory)!),
      ].filter(Boolean);
      return `Resize ${named('VM', idAt(call, 0), names.vms)} to ${parts.join(', ') || 'the same size'}`;
    }
    case 'hosting.vm.delete':
      return `Delete ${named('VM', idAt(call, 0), names.vms)}`;
    case 'hosting.disk.create': {
      const spec = specAt(call, 0);
      return `Create empty disk ${String(spec.name ?? '?')} (${formatSize(num(spec.size) ?? 0)}) in datacenter #${String(spec.datacenter_id ?? '?')}`;
    }
    case 'hosting.disk.create_from': {
      const spec = specAt(call, 0);
      const size = num(spec.size);
      const what = spec.type === 'snapshot' ? 'Snapshot' : 'Create disk';
      return `${what} ${String(spec.name ?? '?')}${size === null ? '' : ` (${formatSize(size)})`} from ${describeSource(idAt(call, 1), names)}`;
    }
    case 'hosting.disk.update': {
      const size = num(specAt(call, 1).size);
      const target = named('disk', idAt(call, 0), names.disks);
      return size === null ? `Change ${target}` : `Grow ${target} to ${formatSize(size)}`;
    }
    case 'hosting.disk.delete':
      return `Delete ${named('disk', idAt(call, 0), names.disks)}`;
    case 'hosting.iface.create': {
      const spec = specAt(call, 0);
      const ips = spec.ip_version === 6 ? 'IPv6 only' : 'IPv4 + IPv6';
      return `Create a public interface (${ips}) in datacenter #${String(spec.datacenter_id ?? '?')}`;
    }
    case 'hosting.iface.delete':
      return `Delete interface #${idAt(call, 0) ?? '?'}`;
    default:
      return `${call.method} (${call.args
        .map((arg) => JSON.stringify(arg))
        .join(', ')
        .slice(0, 200)})`;
  }
}

/** The ids a call names whose current names the card shows. */
export function namedIds(call: GateCall): { disks: number[]; vms: number[] } {
  switch (call.method) {
    case 'hosting.vm.create_from':
      return { disks: refsOf(idAt(call, 2)), vms: [] };
    case 'hosting.disk.create_from':
      return { disks: refsOf(idAt(call, 1)), vms: [] };
    case 'hosting.disk.update':
    case 'hosting.disk.delete':
      return { disks: refsOf(idAt(call, 0)), vms: [] };
    case 'hosting.vm.update':
    case 'hosting.vm.delete':
      return { disks: [], vms: refsOf(idAt(call, 0)) };
    default:
      return { disks: [], vms: [] };
  }
}

const refsOf = (id: number | null) => (id === null ? [] : [id]);
