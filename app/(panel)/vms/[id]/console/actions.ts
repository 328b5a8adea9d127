'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import { setConsole, setRootPassword } from '@/lib/dal/console';
import type { ResourceRef } from '@/lib/team/permission';
import { consoleToggleSchema, rootPasswordSchema } from '@/lib/validation/console';

// Thin on purpose: parsed, session-checked and error-mapped by defineAction; the checks against
// the VM's current state are in lib/dal/console.ts. The page refreshes when the update settles.
// The third argument names the team permission and the VM an action touches.

const theVm = ({ vm_id }: { vm_id: number }): ResourceRef => ({ kind: 'vm', id: vm_id });

export const setConsoleAction = defineAction(
  consoleToggleSchema,
  async (input, { conn }) => {
    const result = await setConsole(conn, input.vm_id, input.enable);
    revalidatePath(`/vms/${input.vm_id}/console`);
    return result;
  },
  { permission: 'vm.console', resource: theVm },
);

// Both password fields are redacted from the audit log by name (`pass…`).
export const setRootPasswordAction = defineAction(
  rootPasswordSchema,
  async (input, { conn }) => setRootPassword(conn, input.vm_id, input.password),
  { permission: 'vm.update', resource: theVm },
);
