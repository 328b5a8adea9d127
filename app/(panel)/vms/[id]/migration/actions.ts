'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/action';
import { finalizeMigration, startMigration } from '@/lib/dal/migration';
import type { ResourceRef } from '@/lib/team/permission';
import { finalizeMigrationSchema, startMigrationSchema } from '@/lib/validation/migration';

// Thin on purpose: the checks against the VM's current migration are in lib/dal/migration.ts.
// Revalidating makes the reply carry the page as it now is (the migration under way).
// The third argument names the team permission and the VM an action touches.

const theVm = ({ vm_id }: { vm_id: number }): ResourceRef => ({ kind: 'vm', id: vm_id });

export const startMigrationAction = defineAction(
  startMigrationSchema,
  async ({ vm_id }, { conn }) => {
    const result = await startMigration(conn, vm_id);
    revalidatePath(`/vms/${vm_id}/migration`);
    return result;
  },
  { permission: 'vm.migrate', resource: theVm },
);

export const finalizeMigrationAction = defineAction(
  finalizeMigrationSchema,
  async ({ vm_id, operation_id }, { conn }) => {
    const result = await finalizeMigration(conn, vm_id, operation_id);
    revalidatePath(`/vms/${vm_id}/migration`);
    return result;
  },
  { permission: 'vm.migrate', resource: theVm },
);
