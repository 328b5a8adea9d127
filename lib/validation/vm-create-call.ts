/**
 * The wizard's input → the exact `hosting.vm.create_from` arguments. The server sends what this
 * builds and the review step shows what this builds, so what the user reviews is what is sent.
 */
import type { DiskSpec, Id, VmSpec } from '@/lib/gandi/types';
import type { CreateVmInput } from './vm';

export interface CreateFromCall {
  vmSpec: VmSpec;
  diskSpec: DiskSpec;
  srcDiskId: Id;
}

/** gandi.cli names the system disk `sys_<hostname without dots>`, cut to 15 (ext2/3 labels). */
export function systemDiskName(hostname: string): string {
  return `sys_${hostname.replace(/\./g, '')}`.slice(0, 15);
}

/** Stands for a VM's private interface before it exists (created first, see `vlan_id`). */
export const NEW_PRIVATE_IFACE: Id = 0;

/** With `vlan_id`, the VM gets only the private interface `privateIfaceId` (no public one). */
export function buildCreateFromCall(
  input: Omit<CreateVmInput, 'token'>,
  privateIfaceId: Id = NEW_PRIVATE_IFACE,
): CreateFromCall {
  const vmSpec: VmSpec = {
    datacenter_id: input.datacenter_id,
    hostname: input.hostname,
    memory: input.memory,
    cores: input.cores,
    ...(input.vlan_id === undefined
      ? { ip_version: input.ip_mode === 'dual' ? 4 : 6, bandwidth: input.bandwidth }
      : { iface_id: privateIfaceId }),
  };
  if (input.password !== '') vmSpec.password = input.password;
  if (input.ssh_key_ids.length > 0) vmSpec.keys = input.ssh_key_ids;
  return {
    vmSpec,
    diskSpec: {
      datacenter_id: input.datacenter_id,
      name: systemDiskName(input.hostname),
      size: input.disk_size,
    },
    srcDiskId: input.src_disk_id,
  };
}

const MASK = '••••';

/**
 * The call as gandi.cli's Python would read it, for the review step. The API key is never in
 * the browser, and the password is masked too (it is shown in its own field).
 */
export function formatCreateFromCall(call: CreateFromCall): string {
  const vmSpec: Record<string, unknown> = { ...call.vmSpec };
  if (vmSpec.password !== undefined) vmSpec.password = MASK;
  if (vmSpec.iface_id === NEW_PRIVATE_IFACE)
    vmSpec.iface_id = '<the private interface, created first>';
  return [
    'hosting.vm.create_from(',
    `  apikey="${MASK}",`,
    `  vm_spec=${indent(JSON.stringify(vmSpec, null, 2))},`,
    `  disk_spec=${indent(JSON.stringify(call.diskSpec, null, 2))},`,
    `  src_disk_id=${call.srcDiskId},`,
    ')',
  ].join('\n');
}

function indent(block: string): string {
  return block.replace(/\n/g, '\n  ');
}
