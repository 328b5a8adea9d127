import 'server-only';
import { notFound } from 'next/navigation';
import { ActionError } from '@/lib/action';
import {
  datacenterList,
  GandiError,
  operationList,
  vmCanMigrate,
  vmInfo,
  vmMigrate,
  type GandiConnection,
} from '@/lib/gandi';
import type { Datacenter, Id, Operation, OperationStep } from '@/lib/gandi/types';
import {
  canFinalize,
  MIGRATION_OPERATION_TYPE,
  migrationPhase,
  migrationRefusal,
  type MigrationCheckView,
  type MigrationPhase,
} from '@/lib/validation/migration';
import type { StartedOperations } from './vm-mutations';

/** A datacenter as the migration page names it. */
export interface DatacenterLabel {
  id: Id | null;
  code: string;
  name: string;
}

export interface MigrationStatus {
  operationId: Id;
  step: OperationStep;
  phase: MigrationPhase;
  from: DatacenterLabel | null;
  to: DatacenterLabel | null;
  lastError: string | null;
  dateCreated: string;
  dateUpdated: string;
}

/** Everything the migration page shows; nothing here carries the key. */
export interface MigrationView {
  vm: { id: Id; hostname: string; state: string; isMigrating: boolean };
  datacenter: DatacenterLabel;
  check: MigrationCheckView;
  /** The datacenters `can_migrate_to` names, resolved to names where the list knows them. */
  targets: DatacenterLabel[];
  /** Why starting is not possible now, or null. */
  refusal: string | null;
  /** The VM's latest migration (running or finished), if any. */
  migration: MigrationStatus | null;
}

function labelById(datacenters: readonly Datacenter[], id: Id): DatacenterLabel {
  const dc = datacenters.find((candidate) => candidate.id === id);
  return { id, code: dc?.dcCode ?? `#${id}`, name: dc?.name ?? `Datacenter #${id}` };
}

function labelByCode(datacenters: readonly Datacenter[], code: string): DatacenterLabel {
  const dc = datacenters.find((candidate) => candidate.dcCode === code);
  return { id: dc?.id ?? null, code, name: dc?.name ?? code };
}

function paramId(params: Record<string, unknown>, key: string): Id | null {
  const value = params[key];
  const id = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function toMigrationStatus(
  op: Operation,
  datacenters: readonly Datacenter[],
): MigrationStatus {
  const from = paramId(op.params, 'from_dc_id');
  const to = paramId(op.params, 'to_dc_id');
  return {
    operationId: op.id,
    step: op.step,
    phase: migrationPhase(op.step, op.params.inner_step),
    from: from === null ? null : labelById(datacenters, from),
    to: to === null ? null : labelById(datacenters, to),
    lastError: op.lastError,
    dateCreated: op.dateCreated.toISOString(),
    dateUpdated: op.dateUpdated.toISOString(),
  };
}

/** The VM's newest migration operation (full shape, with `params.inner_step`), if any. */
async function latestMigration(conn: GandiConnection, vmId: Id): Promise<Operation | null> {
  const [latest] = await operationList(conn, {
    vm_id: vmId,
    type: MIGRATION_OPERATION_TYPE,
    sort_by: 'date_created DESC',
    items_per_page: 1,
  });
  return latest ?? null;
}

export async function getMigrationView(conn: GandiConnection, vmId: Id): Promise<MigrationView> {
  const [vm, check, datacenters, latest] = await Promise.all([
    vmInfo(conn, vmId),
    vmCanMigrate(conn, vmId),
    datacenterList(conn),
    latestMigration(conn, vmId),
  ]);
  const checkView: MigrationCheckView = {
    canMigrate: check.canMigrate,
    targets: check.canMigrateTo,
    matched: check.matched,
  };
  const migration = latest ? toMigrationStatus(latest, datacenters) : null;
  const running = migration !== null && !['done', 'failed', 'cancelled'].includes(migration.phase);
  const datacenter = labelById(datacenters, vm.datacenterId);
  return {
    vm: { id: vm.id, hostname: vm.hostname, state: vm.state, isMigrating: vm.isMigrating },
    datacenter,
    check: checkView,
    targets: check.canMigrateTo.map((code) => labelByCode(datacenters, code)),
    refusal: migrationRefusal(checkView, vm.isMigrating || running, datacenter.code),
    migration,
  };
}

/** Like `getMigrationView`, with an unknown VM (or another account's) as a 404. */
export async function getMigrationViewOrNotFound(
  conn: GandiConnection,
  vmId: Id,
): Promise<MigrationView> {
  try {
    return await getMigrationView(conn, vmId);
  } catch (err) {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') notFound();
    throw err;
  }
}

/**
 * Starts the copy (`hosting.vm.migrate(vm, false)`) after asking `can_migrate` again: the page
 * may be old. A migration already running is followed rather than started twice.
 */
export async function startMigration(conn: GandiConnection, vmId: Id): Promise<StartedOperations> {
  const [vm, check, latest, datacenters] = await Promise.all([
    vmInfo(conn, vmId),
    vmCanMigrate(conn, vmId),
    latestMigration(conn, vmId),
    datacenterList(conn),
  ]);
  if (latest && ['BILL', 'WAIT', 'RUN'].includes(latest.step)) {
    return { operations: [{ id: latest.id, type: latest.type }] };
  }
  const refusal = migrationRefusal(
    { canMigrate: check.canMigrate, targets: check.canMigrateTo, matched: check.matched },
    vm.isMigrating,
    labelById(datacenters, vm.datacenterId).code,
  );
  if (refusal) throw new ActionError(refusal);
  const op = await vmMigrate(conn, vmId, false);
  return { operations: [{ id: op.id, type: op.type }] };
}

/**
 * Finalizes (`hosting.vm.migrate(vm, true)`) the migration the page showed, and only when it
 * waits for it: finalizing early is refused with the reason instead of sent upstream.
 */
export async function finalizeMigration(
  conn: GandiConnection,
  vmId: Id,
  operationId: Id,
): Promise<StartedOperations> {
  const latest = await latestMigration(conn, vmId);
  if (!latest || latest.id !== operationId) {
    throw new ActionError('This migration is no longer the current one: reload the page.');
  }
  const phase = migrationPhase(latest.step, latest.params.inner_step);
  if (!canFinalize(phase)) {
    throw new ActionError(
      phase === 'copying'
        ? 'The disks are still being copied: finalize once the copy has finished.'
        : 'This migration does not wait for a finalize.',
    );
  }
  const op = await vmMigrate(conn, vmId, true);
  return { operations: [{ id: op.id, type: op.type }] };
}
