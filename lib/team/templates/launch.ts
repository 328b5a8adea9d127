import 'server-only';
import { vmCreateFrom, type GandiConnection } from '@/lib/gandi';
import { buildCreateFromCall, type CreateFromCall } from '@/lib/validation/vm-create-call';
import type { TemplateSpec } from './template-schema';

export interface LaunchedVm {
  vmId: number | null;
  hostname: string;
  operations: { id: number; type: string }[];
}

/**
 * One `hosting.vm.create_from` from a template: the wizard's call (`buildCreateFromCall`) plus
 * what only templates set — the first-boot script (`run`) and the system disk's snapshot profile.
 */
export async function launchTemplate(
  conn: GandiConnection,
  spec: TemplateSpec,
  hostname: string,
): Promise<LaunchedVm> {
  const call = templateCreateFromCall(spec, hostname);
  const operations = await vmCreateFrom(conn, call.vmSpec, call.diskSpec, call.srcDiskId);
  return {
    vmId: operations.find((op) => op.vmId !== null)?.vmId ?? null,
    hostname,
    operations: operations.map((op) => ({ id: op.id, type: op.type })),
  };
}

/** The `create_from` call a launch makes (what an approval request for it stores). */
export function templateCreateFromCall(spec: TemplateSpec, hostname: string): CreateFromCall {
  const call = buildCreateFromCall({
    datacenter_id: spec.datacenter_id,
    src_disk_id: spec.src_disk_id,
    hostname,
    cores: spec.cores,
    memory: spec.memory,
    disk_size: spec.disk_size,
    ip_mode: spec.ip_mode,
    bandwidth: spec.bandwidth,
    password: '',
    ssh_key_ids: spec.ssh_key_ids,
    vlan_id: undefined,
  });
  if (spec.run !== '') call.vmSpec.run = spec.run;
  if (spec.snapshot_profile !== null) call.diskSpec.snapshot_profile = spec.snapshot_profile;
  return call;
}
