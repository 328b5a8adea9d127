import { ActionError } from '@/lib/action';
import { deleteVmPhase, sentVmDelete } from '@/lib/dal/vm-mutations';
import {
  GandiError,
  userMessage,
  vmInfo,
  waitForOperations,
  type GandiConnection,
} from '@/lib/gandi';
import type { BulkJobItem } from '@/components/bulk/bulk-model';

/**
 * One VM of a bulk delete, run to its end from the upstream state alone, so that a replica taking
 * the job over (after a crash, at any point) does the right next step: a delete already sent is
 * followed, a VM already gone is done, a stop under way is followed, a halted VM is deleted, a
 * running one stopped first. Nothing is sent twice, whatever the job's checkpoint says.
 */
export interface VmDeleteOptions {
  /** Records where the item is, before waiting (the job's checkpoint, the page's progress). */
  record: (item: BulkJobItem) => Promise<void>;
  signal: AbortSignal;
  intervalMs: number;
  /** At most this many steps (a stop then a delete is two; a VM restarted under us loops). */
  maxSteps?: number;
}

const isGone = (err: unknown) => err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND';

function failureMessage(err: unknown): string {
  if (err instanceof GandiError) return userMessage(err);
  if (err instanceof ActionError) return err.message;
  return 'The delete could not run.';
}

/** Where the item was left (its checkpoint), so a resumed run keeps showing the stop it did. */
export async function deleteVmToTheEnd(
  conn: GandiConnection,
  vmId: number,
  previous: BulkJobItem | undefined,
  options: VmDeleteOptions,
): Promise<BulkJobItem> {
  // A stop recorded before a takeover counts: the delete that follows is step 2 of 2.
  let stopIds = previous?.phase === 'stopping' ? previous.operationIds : (previous?.stopIds ?? []);
  let last: BulkJobItem = previous ?? { state: 'queued', phase: null, operationIds: [], stopIds };
  const end = async (item: BulkJobItem) => {
    await options.record(item);
    return item;
  };
  try {
    for (let step = 0; step < (options.maxSteps ?? 4); step += 1) {
      const sent = await sentVmDelete(conn, vmId);
      let phase: 'stopping' | 'deleting';
      let operationIds: number[];
      if (sent) {
        phase = 'deleting';
        operationIds = [sent.id];
      } else {
        let vm;
        try {
          vm = await vmInfo(conn, vmId);
        } catch (err) {
          if (!isGone(err)) throw err;
          // Deleted by someone else (or by us, before a crash that lost its operation).
          return end({ ...last, state: 'deleted' });
        }
        const next = await deleteVmPhase(conn, vm);
        phase = next.phase;
        operationIds = next.operations.map((op) => op.id);
      }
      last = { state: 'running', phase, operationIds, stopIds };
      await options.record(last);
      const finals = await waitForOperations(conn, operationIds, {
        signal: options.signal,
        intervalMs: options.intervalMs,
      });
      const unfinished = finals.find((op) => op.step !== 'DONE');
      if (unfinished) {
        const why = unfinished.lastError ? `: ${unfinished.lastError}` : '';
        const rest = phase === 'stopping' ? '; it was not deleted' : '';
        return end({
          ...last,
          state: 'failed',
          message: `Operation #${unfinished.id} ended ${unfinished.step}${why}${rest}.`,
        });
      }
      if (phase === 'deleting') return end({ ...last, state: 'deleted' });
      stopIds = operationIds;
    }
    return end({ ...last, state: 'failed', message: 'The VM kept changing state: not deleted.' });
  } catch (err) {
    // Lost lease or stopping replica: not an outcome, the next owner carries on.
    if (options.signal.aborted) throw err;
    return end({ ...last, state: 'failed', message: failureMessage(err) });
  }
}
