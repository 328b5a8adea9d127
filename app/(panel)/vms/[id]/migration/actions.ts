'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import { finalizeMigration, startMigration } from '@/lib/dal/migration';
import { finalizeMigrationSchema, startMigrationSchema } from '@/lib/validation/migration';

// Thin on purpose: the checks against the VM's current migration are in lib/dal/migration.ts.
// Revalidating makes the reply carry the page as it now is (the migration under way).

export const startMigrationAction = defineAction(
  startMigrationSchema,
  async ({ vm_id }, { conn }) => {
    const result = await startMigration(conn, vm_id);
    revalidatePath(`/vms/${vm_id}/migration`);
    return result;
  },
);

export const finalizeMigrationAction = defineAction(
  finalizeMigrationSchema,
  async ({ vm_id, operation_id }, { conn }) => {
    const result = await finalizeMigration(conn, vm_id, operation_id);
    revalidatePath(`/vms/${vm_id}/migration`);
    return result;
  },
);
