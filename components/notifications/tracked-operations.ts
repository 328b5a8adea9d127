/**
 * Which operations this browser started, shared by its tabs: kept in localStorage (so a tab opened
 * later still follows them) and announced over a BroadcastChannel. Pure helpers are separated
 * from the browser glue so they can be tested.
 */
import type { OperationEvent } from '@/lib/operations/types';
import { describeOperationType } from '@/lib/operations/types';

export const STORAGE_KEY = 'gandi-panel.started-operations';
/** Operations already announced: a page showing them again (a reload) does not re-announce. */
export const ENDED_KEY = 'gandi-panel.ended-operations';
export const CHANNEL_NAME = 'gandi-panel.operations';
/** Operations older than this are dropped unseen (a stream that never answered, a closed laptop). */
export const TRACK_FOR_MS = 24 * 60 * 60 * 1000;
/** At most this many followed at once: the oldest go first. */
export const MAX_TRACKED = 100; // the stream route's limit of ids

export interface TrackedOperation {
  id: number;
  /** ms since epoch, when this browser started (or first showed) it. */
  since: number;
}

export type EndedOperation = Pick<OperationEvent, 'id' | 'type' | 'step' | 'lastError'>;

export type ChannelMessage =
  { kind: 'track'; ids: number[] } | { kind: 'ended'; op: EndedOperation };

export function parseTracked(raw: string | null, now: number): TrackedOperation[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (item): item is TrackedOperation =>
          typeof item === 'object' &&
          item !== null &&
          Number.isSafeInteger((item as TrackedOperation).id) &&
          (item as TrackedOperation).id > 0 &&
          typeof (item as TrackedOperation).since === 'number',
      )
      .filter((item) => now - item.since < TRACK_FOR_MS);
  } catch {
    return [];
  }
}

export function addTracked(
  list: readonly TrackedOperation[],
  ids: readonly number[],
  now: number,
): TrackedOperation[] {
  const known = new Set(list.map((item) => item.id));
  const added = ids.filter((id) => !known.has(id)).map((id) => ({ id, since: now }));
  return [...list, ...added].slice(-MAX_TRACKED);
}

export function removeTracked(
  list: readonly TrackedOperation[],
  ids: readonly number[],
): TrackedOperation[] {
  const gone = new Set(ids);
  return list.filter((item) => !gone.has(item.id));
}

export interface Toast {
  id: number;
  tone: 'success' | 'danger' | 'neutral';
  title: string;
  body: string | null;
}

/** The words of the toast (and browser notification) for an operation that ended. */
export function toastFor(op: EndedOperation): Toast {
  const what = describeOperationType(op.type);
  switch (op.step) {
    case 'DONE':
      return { id: op.id, tone: 'success', title: `${what}: done`, body: null };
    case 'ERROR':
      return {
        id: op.id,
        tone: 'danger',
        title: `${what}: failed`,
        body: op.lastError ?? 'The operation ended in error.',
      };
    case 'CANCEL':
      return { id: op.id, tone: 'neutral', title: `${what}: cancelled`, body: null };
    default:
      return { id: op.id, tone: 'neutral', title: `${what}: ${op.step.toLowerCase()}`, body: null };
  }
}

/** Remembered announced ids, newest last, bounded. */
export function parseEnded(raw: string | null): number[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value)
      ? value.filter((id): id is number => Number.isSafeInteger(id) && id > 0)
      : [];
  } catch {
    return [];
  }
}

export function addEnded(list: readonly number[], id: number): number[] {
  return [...list.filter((known) => known !== id), id].slice(-MAX_TRACKED * 2);
}
