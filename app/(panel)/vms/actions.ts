'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import {
  createVmOnce,
  deleteVmStep,
  rebootVm,
  resizeVm,
  startVm,
  stopVm,
} from '@/lib/dal/vm-mutations';
import { createVmSchema, deleteVmSchema, resizeVmSchema, vmIdSchema } from '@/lib/validation/vm';

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
  async ({ vm_id, confirm_hostname }, { conn }) => {
    // No revalidation: re-rendering this VM's page mid-deletion would race the browser, which
    // follows the operations and then opens the (per-request) list itself.
    return deleteVmStep(conn, vm_id, confirm_hostname);
  },
  { permission: 'vm.delete', resource: ({ vm_id }) => ({ kind: 'vm', id: vm_id }) },
);

export const resizeVmAction = defineAction(
  resizeVmSchema,
  async ({ vm_id, memory, cores, accept_reboot }, { conn }) => {
    const result = await resizeVm(conn, vm_id, { memory, cores }, accept_reboot);
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
    return createVmOnce(session, input);
  },
  { permission: 'vm.create' },
);
