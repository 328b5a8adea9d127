'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction, defineJsonAction } from '@/lib/action';
import {
  confirmedForDelete,
  createVmOnce,
  deleteVmStep,
  findCreation,
  rebootVm,
  resizeVm,
  startVm,
  stopVm,
} from '@/lib/dal/vm-mutations';
import { hostnameTaken } from '@/lib/dal/vms';
import { checkApprovalPolicy, holdDelete } from '@/lib/team/approvals/policy-hook';
import { checkCreationQuota, checkResizeQuota } from '@/lib/team/quotas/hooks';
import {
  createVmSchema,
  deleteVmSchema,
  hostnameSchema,
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
    const held = await holdDelete(ctx, 'vm.delete', async () => {
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
    // Team quotas: a small VM cannot be grown past them (no-op for personal sessions).
    await checkResizeQuota(ctx, vm_id, { cores, memoryMb: memory });
    const result = await resizeVm(ctx.conn, vm_id, { memory, cores }, accept_reboot);
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
    if (!(await findCreation(session, input.token))) {
      await checkCreationQuota(session, {
        cores: input.cores,
        memoryMb: input.memory,
        diskMb: input.disk_size,
        ipv4: input.vlan_id === undefined && input.ip_mode === 'dual' ? 1 : 0,
        ipv6: input.vlan_id === undefined ? 1 : 0,
      });
      await checkApprovalPolicy(session, input.cores);
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
