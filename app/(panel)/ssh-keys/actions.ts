'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import { addSshKey, deleteSshKey } from '@/lib/dal/ssh-keys';
import { addSshKeySchema, deleteSshKeySchema } from '@/lib/validation/ssh-key';

// SSH key calls are synchronous in the API (no operation): the list is revalidated at once.

export const addSshKeyAction = defineAction(
  addSshKeySchema,
  async (input, { conn }) => {
    const key = await addSshKey(conn, input);
    revalidatePath('/ssh-keys');
    return key;
  },
  { permission: 'ssh.create', audit: { redact: ['value'] } },
);

export const deleteSshKeyAction = defineAction(
  deleteSshKeySchema,
  async ({ key_id }, { conn }) => {
    const result = await deleteSshKey(conn, key_id);
    revalidatePath('/ssh-keys');
    return result;
  },
  { permission: 'ssh.delete' },
);
