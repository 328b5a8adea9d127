import 'server-only';
import { z } from 'zod';
import { deleteDisk } from '@/lib/dal/disk-mutations';
import { deleteIface } from '@/lib/dal/network';
import { deleteVmStep, sentVmDelete } from '@/lib/dal/vm-mutations';
import type { GandiConnection } from '@/lib/gandi';
import { defineKind, type RequestRun } from './request-kind';

/**
 * Deletes an operator asked for while the policy holds operators' deletes. They run as the
 * panel's own deletes do, with the name the operator confirmed: a VM renamed since is refused
 * rather than deleted under another name.
 */

const id = z.number().int().positive();

/** Stop first when running (following a stop already under way), then delete. */
async function deleteVmInSteps(conn: GandiConnection, vmId: number, hostname: string) {
  const step = await deleteVmStep(conn, vmId, hostname);
  const run: RequestRun = { operations: step.operations };
  if (step.phase === 'stopping') run.afterDone = () => deleteVmInSteps(conn, vmId, hostname);
  return run;
}

/**
 * The same, taken over by another replica: a delete that may already have been sent is looked up
 * upstream first (followed, not sent twice); otherwise the VM's state decides (stop or delete).
 */
async function resumeVmDelete(conn: GandiConnection, vmId: number, hostname: string) {
  const sent = await sentVmDelete(conn, vmId);
  if (sent) return { operations: [{ id: sent.id }] };
  return deleteVmInSteps(conn, vmId, hostname);
}

export const vmDeleteKind = defineKind({
  action: 'vm.delete',
  params: z.object({ vm_id: id, hostname: z.string().min(1) }),
  creates: false,
  describe: ({ hostname }) => `Delete VM ${hostname}`,
  run: ({ vm_id, hostname }, { conn }) => deleteVmInSteps(conn, vm_id, hostname),
  resume: ({ vm_id, hostname }, { conn }) => resumeVmDelete(conn, vm_id, hostname),
});

export const diskDeleteKind = defineKind({
  action: 'disk.delete',
  params: z.object({ disk_id: id, name: z.string().min(1) }),
  creates: false,
  describe: ({ name }) => `Delete disk ${name}`,
  run: ({ disk_id, name }, { conn }) => deleteDisk(conn, disk_id, name),
});

export const ifaceDeleteKind = defineKind({
  action: 'iface.delete',
  params: z.object({ iface_id: id, label: z.string().min(1) }),
  creates: false,
  describe: ({ label }) => `Delete ${label}`,
  run: ({ iface_id }, { conn }) => deleteIface(conn, iface_id),
});
