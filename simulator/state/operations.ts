import { applyEffect, rollback } from './effects';
import type { Sim } from './sim';
import type { CreatedRef, Id, OperationRec } from './types';

const FINAL = new Set(['DONE', 'ERROR', 'CANCEL', 'SUPPORT']);
/** A migration waits for `finalize` with no deadline. */
export const NEVER = Number.MAX_SAFE_INTEGER;

export function isFinal(op: OperationRec): boolean {
  return FINAL.has(op.step);
}

export interface NewOperation {
  accountId: Id;
  type: string;
  vmId?: Id | null;
  diskId?: Id | null;
  ifaceId?: Id | null;
  ipId?: Id | null;
  params?: Record<string, unknown>;
  effectData?: Record<string, unknown>;
  created?: CreatedRef[];
  dependsOn?: OperationRec[];
  failWith?: string | null;
  full?: boolean;
}

/**
 * Creates an operation in step WAIT. Its RUN and DONE times are fixed now (after any operation it
 * depends on), so the whole lifecycle is a function of the clock: no timers.
 */
export function createOperation(sim: Sim, input: NewOperation): OperationRec {
  const now = sim.now();
  const deps = input.dependsOn ?? [];
  const runAt = Math.max(now + sim.timing.waitMs, ...deps.map((d) => d.doneAt));
  const id = sim.store.nextId('op');
  const op: OperationRec = {
    id,
    accountId: input.accountId,
    type: input.type,
    step: 'WAIT',
    dateCreated: now,
    dateUpdated: now,
    dateStart: null,
    runAt,
    doneAt: runAt + sim.timing.runMs,
    vmId: input.vmId ?? null,
    diskId: input.diskId ?? null,
    ifaceId: input.ifaceId ?? null,
    ipId: input.ipId ?? null,
    params: input.params ?? {},
    effectData: input.effectData ?? {},
    lastError: null,
    failWith: input.failWith ?? takeInjectedFailure(sim, input.accountId, input.type),
    dependsOn: deps.map((d) => d.id),
    created: input.created ?? [],
    full: input.full ?? false,
  };
  sim.store.put('op', op);
  return op;
}

/** Consumes one `/_sim/fail` rule matching this account and operation type, if any. */
function takeInjectedFailure(sim: Sim, accountId: Id, type: string): string | null {
  const rules = sim.store.failRules;
  const index = rules.findIndex(
    (r) => r.accountId === accountId && r.type === type && r.remaining > 0,
  );
  if (index < 0) return null;
  const next = rules
    .map((r, i) => (i === index ? { ...r, remaining: r.remaining - 1 } : r))
    .filter((r) => r.remaining > 0);
  sim.store.setFailRules(next);
  return `Simulated failure of ${type} (injected by /_sim/fail)`;
}

/** Applies every transition due at `now`, in creation order. */
export function advanceOperations(sim: Sim, now: number): void {
  const store = sim.store;
  if (store.pendingOps.length === 0) return;
  const still: Id[] = [];
  for (const id of store.pendingOps) {
    const op = store.get('op', id);
    if (!op || isFinal(op)) continue;
    advanceOne(sim, op, now);
    if (!isFinal(op)) still.push(id);
  }
  store.pendingOps = still;
}

function advanceOne(sim: Sim, op: OperationRec, now: number): void {
  if (op.step === 'WAIT' || op.step === 'BILL') {
    if (now < op.runAt) return;
    const failedDep = op.dependsOn
      .map((d) => sim.store.get('op', d))
      .find((d) => d && (d.step === 'ERROR' || d.step === 'CANCEL'));
    if (failedDep) {
      finish(
        sim,
        op,
        'ERROR',
        op.runAt,
        `Depends on operation ${failedDep.id} (${failedDep.type}), which ended in ${failedDep.step}`,
      );
      return;
    }
    op.step = 'RUN';
    op.dateStart = op.runAt;
    op.dateUpdated = op.runAt;
    sim.store.put('op', op);
  }
  if (op.step === 'RUN' && now >= op.doneAt) {
    if (op.type === 'hosting_migration_vm' && op.params.inner_step === 'wait_sync') {
      syncDone(sim, op);
      return;
    }
    if (op.failWith) {
      finish(sim, op, 'ERROR', op.doneAt, op.failWith);
      return;
    }
    const error = applyEffect(sim, op, op.doneAt);
    if (error) finish(sim, op, 'ERROR', op.doneAt, error);
    else finish(sim, op, 'DONE', op.doneAt, null);
  }
}

/**
 * The copy of a migrating VM is done. The operation `migrate(id, false)` answered ends DONE (a
 * polling client such as gandi.cli sees the command finish; gandi.cli's mock shows a DONE
 * migration operation in `wait_finalize`), and the migration itself goes on as a second
 * `hosting_migration_vm` operation in RUN / `wait_finalize` — what gandi.cli's `--finalize` looks
 * for with `operation.list {type, step: 'RUN', vm_id}` — until `migrate(id, true)`.
 */
function syncDone(sim: Sim, op: OperationRec): void {
  const at = op.doneAt;
  // An injected failure of the migration strikes at the switch-over, where a real one would.
  const failWith = op.failWith;
  op.failWith = null;
  finish(sim, op, 'DONE', at, null);
  op.params = { ...op.params, inner_step: 'wait_finalize' };
  sim.store.put('op', op);
  const id = sim.store.nextId('op');
  sim.store.put('op', {
    ...op,
    id,
    step: 'RUN',
    dateCreated: at,
    dateUpdated: at,
    dateStart: at,
    runAt: at,
    doneAt: NEVER,
    lastError: null,
    failWith,
    dependsOn: [],
    created: [],
  });
}

function finish(
  sim: Sim,
  op: OperationRec,
  step: 'DONE' | 'ERROR' | 'CANCEL',
  at: number,
  error: string | null,
): void {
  // The disk and iface a VM creation answered DONE at once come into being with the VM, whatever
  // becomes of it (on failure they stay, detached, for the caller to reuse or delete).
  const deferred = op.effectData.deferred;
  if (Array.isArray(deferred)) {
    for (const id of deferred) {
      const dep = typeof id === 'number' ? sim.store.get('op', id) : undefined;
      if (dep) applyEffect(sim, dep, at);
    }
  }
  if (step !== 'DONE') rollback(sim, op, at);
  op.step = step;
  op.lastError = error;
  op.dateUpdated = at;
  sim.store.put('op', op);
}

/** `operation.cancel`: only before the operation starts running; undoes what the call created. */
export function cancelOperation(sim: Sim, op: OperationRec): boolean {
  if (op.step !== 'WAIT' && op.step !== 'BILL') return false;
  finish(sim, op, 'CANCEL', sim.now(), null);
  return true;
}

/** Seconds left until DONE (0 once final or overdue). */
export function etaSeconds(op: OperationRec, now: number): number {
  if (isFinal(op) || op.doneAt === NEVER) return 0;
  return Math.max(0, Math.ceil((op.doneAt - now) / 1000));
}
