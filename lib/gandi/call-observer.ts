import type { GandiErrorKind } from './errors';

/**
 * Who wants to know about each HTTP exchange with the upstream (the panel's metrics): the method,
 * how it ended and how long it took — never its parameters. Kept on globalThis so that every
 * bundle of the app reports to the same observers.
 */
export type CallOutcome = 'ok' | GandiErrorKind | 'other';
export type CallObserver = (method: string, outcome: CallOutcome, seconds: number) => void;

const holder = globalThis as typeof globalThis & { __gandiCallObservers?: Set<CallObserver> };

export function observeCalls(observer: CallObserver): () => void {
  const observers = (holder.__gandiCallObservers ??= new Set());
  observers.add(observer);
  return () => observers.delete(observer);
}

export function reportCall(method: string, outcome: CallOutcome, seconds: number): void {
  for (const observer of holder.__gandiCallObservers ?? []) observer(method, outcome, seconds);
}
