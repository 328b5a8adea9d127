import { GandiError } from './errors';
import { operationInfo } from './operation';
import { FINAL_STEPS, type GandiConnection, type Id, type Operation } from './types';

/** The operation of a given type (`vm_create`, `disk_create`…): never rely on array positions. */
export function findOperation(ops: readonly Operation[], type: string): Operation | undefined {
  return ops.find((op) => op.type === type);
}

/** The operations that concern one VM (top-level `vm_id` or `params.vm_id`). */
export function operationsForVm(ops: readonly Operation[], vmId: Id): Operation[] {
  return ops.filter((op) => op.vmId === vmId);
}

export function isFinal(op: Operation): boolean {
  return FINAL_STEPS.includes(op.step);
}

export interface WaitOptions {
  /** Called when an operation is first seen and whenever its step changes. */
  onStep?: (op: Operation) => void;
  signal?: AbortSignal;
  /** Delay between polls (default 2 s, as Gandi-Go; gandi.cli uses 1 s). */
  intervalMs?: number;
}

function cancelled(conn: GandiConnection): GandiError {
  return new GandiError({
    kind: 'network',
    method: 'operation.info',
    message: 'waiting cancelled',
    secrets: [conn.apiKey],
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Polls `operation.info` for each id until every operation reaches a final step (DONE, ERROR,
 * CANCEL, SUPPORT); resolves with the final operations in the order of `ids`. An ERROR is a result,
 * not an exception: the caller decides (`op.lastError` says why).
 */
export async function waitForOperations(
  conn: GandiConnection,
  ids: readonly Id[],
  { onStep, signal = conn.signal, intervalMs = 2_000 }: WaitOptions = {},
): Promise<Operation[]> {
  const polled: GandiConnection = { ...conn, ...(signal ? { signal } : {}) };
  const latest = new Map<Id, Operation>();
  for (;;) {
    if (signal?.aborted) throw cancelled(conn);
    const pending = ids.filter((id) => {
      const op = latest.get(id);
      return !op || !isFinal(op);
    });
    const fresh = await Promise.all(pending.map((id) => operationInfo(polled, id)));
    for (const op of fresh) {
      const before = latest.get(op.id);
      latest.set(op.id, op);
      if (!before || before.step !== op.step) onStep?.(op);
    }
    if (ids.every((id) => isFinal(latest.get(id) as Operation))) {
      return ids.map((id) => latest.get(id) as Operation);
    }
    if (!(await sleep(intervalMs, signal))) throw cancelled(conn);
  }
}
