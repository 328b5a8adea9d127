'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, defineJsonAction } from '@/lib/action';
import {
  confirmedForDelete,
  createVmOnce,
  deleteVmStep,
  creationClaimed,
  rebootVm,
  renameVm,
  resizeVm,
  startVm,
  stopVm,
} from '@/lib/dal/vm-mutations';
import { hostnameTaken } from '@/lib/dal/vms';
import { holdDelete } from '@/lib/team/approvals/policy-hook';
import { preflight } from '@/lib/team/gate/preflight';
import { buildCreateFromCall } from '@/lib/validation/vm-create-call';
import {
  createVmSchema,
  deleteVmSchema,
  hostnameSchema,
  renameVmSchema,
  resizeVmSchema,
  vmIdSchema,
} from '@/lib/validation/vm';

// Thin on purpose: each action is parsed, session-checked and error-mapped by defineAction; the
// work is in lib/dal/vm-mutations.ts. Pages refresh themselves when the operations settle.

export const startVmAction = defineAction(
  vmIdSchema,
  async ({ vm_id }, { conn }) => {
    const result = await startVm(conn, vm_id);
    revalidatePath(`/vms/${vm_id}`);
    return result;
  },
  { permission: 'vm.start', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

export const stopVmAction = defineAction(
  vmIdSchema,
  async ({ vm_id }, { conn }) => {
    const result = await stopVm(conn, vm_id);
    revalidatePath(`/vms/${vm_id}`);
    return result;
  },
  { permission: 'vm.stop', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

export const rebootVmAction = defineAction(
  vmIdSchema,
  async ({ vm_id }, { conn }) => {
    const result = await rebootVm(conn, vm_id);
    revalidatePath(`/vms/${vm_id}`);
    return result;
  },
  { permission: 'vm.reboot', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

/** Called once to start (stop if running, else delete), and again after the stop is DONE. */
export const deleteVmAction = defineAction(
  deleteVmSchema,
  async ({ vm_id, confirm_hostname }, ctx) => {
    // An operator's delete under the "deletes need approval" policy becomes a request (the
    // portal stops and deletes it once approved).
    const call = { method: 'hosting.vm.delete', args: [vm_id] };
    const held = await holdDelete(ctx, 'vm.delete', call, async () => {
      const vm = await confirmedForDelete(ctx.conn, vm_id, confirm_hostname);
      return { vm_id, hostname: vm.hostname };
    });
    if (held) return held;
    // No revalidation: re-rendering this VM's page mid-deletion would race the browser, which
    // follows the operations and then opens the (per-request) list itself.
    return deleteVmStep(ctx.conn, vm_id, confirm_hostname);
  },
  { permission: 'vm.delete', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

export const resizeVmAction = defineAction(
  resizeVmSchema,
  async ({ vm_id, memory, cores, accept_reboot }, ctx) => {
    // Team members: the resize is decided (quotas, the policy's cores) before a stop it may
    // need; the gate decides the update call itself again when it is sent.
    await preflight(ctx, { method: 'hosting.vm.update', args: [vm_id, { cores, memory }] });
    const result = await resizeVm(ctx.conn, vm_id, { memory, cores }, accept_reboot);
    revalidatePath(`/vms/${vm_id}`);
    return result;
  },
  { permission: 'vm.update', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

export const renameVmAction = defineAction(
  renameVmSchema,
  async ({ vm_id, hostname }, { conn }) => {
    const result = await renameVm(conn, vm_id, hostname);
    revalidatePath(`/vms/${vm_id}`);
    return result;
  },
  { permission: 'vm.update', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

/** Once per wizard token: a second submit gets the first submit's operations back. */
export const createVmAction = defineAction(
  createVmSchema,
  async (input, session) => {
    // No revalidatePath: the list is rendered per request, and re-rendering the wizard here
    // would only cost upstream calls.
    // A resubmit of the same wizard gets its first result back: nothing new to count.
    // Team members: the creation is decided before a private interface it may need first.
    if (!(await creationClaimed(session, input.token))) {
      const call = buildCreateFromCall(input);
      await preflight(session, {
        method: 'hosting.vm.create_from',
        args: [call.vmSpec, call.diskSpec, call.srcDiskId],
      });
    }
    return createVmOnce(session, input);
  },
  { permission: 'vm.create' },
);

/**
 * The wizard asks when leaving its Access step, so a hostname already in use is reported there
 * rather than at the final Create (which the API would refuse anyway: it stays the authority).
 */
export const checkHostnameAction = defineJsonAction(
  z.object({ hostname: hostnameSchema }),
  async ({ hostname }, { conn }) => ({ taken: await hostnameTaken(conn, hostname) }),
  { permission: 'vm.read' },
);
