import type { OperationEvent } from '@/lib/operations/types';

/** Whether some operations settled and every one of them succeeded. */
export const allDone = (ops: readonly OperationEvent[]): boolean =>
  ops.length > 0 && ops.every((op) => op.step === 'DONE');
