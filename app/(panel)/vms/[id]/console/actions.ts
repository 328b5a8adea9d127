'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import { setConsole, setRootPassword } from '@/lib/dal/console';
import { consoleToggleSchema, rootPasswordSchema } from '@/lib/validation/console';

// Thin on purpose: parsed, session-checked and error-mapped by defineAction; the checks against
// the VM's current state are in lib/dal/console.ts. The page refreshes when the update settles.

export const setConsoleAction = defineAction(consoleToggleSchema, async (input, { conn }) => {
  const result = await setConsole(conn, input.vm_id, input.enable);
  revalidatePath(`/vms/${input.vm_id}/console`);
  return result;
});

export const setRootPasswordAction = defineAction(rootPasswordSchema, async (input, { conn }) => {
  return setRootPassword(conn, input.vm_id, input.password);
});
