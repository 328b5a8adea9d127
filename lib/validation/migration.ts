/**
 * Rules for moving a VM to another datacenter (`hosting.vm.can_migrate` / `hosting.vm.migrate`,
 * reference §8.1). `hosting.vm.migrate(vm, false)` answers a `hosting_migration_vm` operation in
 * `params.inner_step` `wait_sync` (disks are being copied) that ends DONE once copied; the
 * migration then waits as a newer `hosting_migration_vm` operation in RUN / `wait_finalize` (what
 * gandi.cli's `--finalize` looks for) which, after `hosting.vm.migrate(vm, true)`, goes on to the
 * switch-over and DONE. The newest migration operation is the one that tells where it stands.
 */
import { z } from 'zod';
import type { OperationStep } from '@/lib/gandi/types';
import { idField } from './vm';

export const MIGRATION_OPERATION_TYPE = 'hosting_migration_vm';

export const startMigrationSchema = z.object({ vm_id: idField });

/** The operation id comes with the request so a stale page cannot finalize another migration. */
export const finalizeMigrationSchema = z.object({ vm_id: idField, operation_id: idField });

export type MigrationPhase =
  'copying' | 'ready-to-finalize' | 'finalizing' | 'done' | 'failed' | 'cancelled';

/** Where a migration operation stands, from its step and `params.inner_step`. */
export function migrationPhase(step: OperationStep, innerStep: unknown): MigrationPhase {
  if (step === 'DONE') return 'done';
  if (step === 'ERROR' || step === 'SUPPORT') return 'failed';
  if (step === 'CANCEL') return 'cancelled';
  if (innerStep === 'wait_finalize') return 'ready-to-finalize';
  // Before RUN, and while syncing, the data is still being copied. Any other inner step comes
  // after a finalize (the API names it `finalize` in the simulator; the real name is unknown).
  if (innerStep === undefined || innerStep === null || innerStep === 'wait_sync') return 'copying';
  return 'finalizing';
}

/** Whether the owner can (and must) call finalize now. */
export function canFinalize(phase: MigrationPhase): boolean {
  return phase === 'ready-to-finalize';
}

export interface MigrationCheckView {
  canMigrate: boolean;
  /** Datacenter codes the VM can move to. */
  targets: string[];
  /** Codes `can_migrate` matched the VM's datacenter to (used to explain "not yet"). */
  matched: string[];
}

/**
 * Why the VM cannot move now, in words, or null when it can. gandi.cli reads `matched` as a
 * target datacenter not opened yet; when it names the VM's own datacenter (as the simulator
 * answers) that reading makes no sense, so the plain refusal is used.
 */
export function migrationRefusal(
  check: MigrationCheckView,
  isMigrating: boolean,
  currentDcCode: string | null = null,
): string | null {
  if (isMigrating) return 'A migration of this VM is already under way.';
  if (check.canMigrate && check.targets.length > 0) return null;
  if (check.canMigrate) return 'The API offers no datacenter to move this VM to.';
  const matched = check.matched[0];
  if (matched && matched !== currentDcCode && check.targets.length === 0) {
    return `This VM cannot be migrated yet: migration will be available when datacenter ${matched} is opened.`;
  }
  return 'This VM cannot be migrated from its datacenter.';
}
