'use client';

import {
  addEnded,
  CHANNEL_NAME,
  ENDED_KEY,
  parseEnded,
  parseTracked,
  removeTracked,
  STORAGE_KEY,
  type ChannelMessage,
} from './tracked-operations';
import { onLocalMessage } from './track';

/**
 * The tracked ids as an external store for `useSyncExternalStore`: changes come from this tab
 * (`trackStartedOperations`, `forgetTracked`), other tabs (BroadcastChannel, `storage` events).
 */

let snapshotRaw: string | null | undefined;
let snapshot: number[] = [];
const EMPTY: number[] = [];

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function getTrackedSnapshot(): number[] {
  const raw = read();
  if (raw !== snapshotRaw) {
    snapshotRaw = raw;
    snapshot = parseTracked(raw, Date.now()).map((item) => item.id);
  }
  return snapshot;
}

export function getServerTrackedSnapshot(): number[] {
  return EMPTY;
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export function subscribeTracked(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  const offLocal = onLocalMessage((message: ChannelMessage) => {
    if (message.kind === 'track') listener();
  });
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  if (channel) channel.onmessage = () => listener();
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
    offLocal();
    channel?.close();
  };
}

/** Stops following `ids`; `announced` ones are also remembered so a reload does not toast again. */
export function forgetTracked(ids: readonly number[], announced = false): void {
  try {
    const left = removeTracked(parseTracked(read(), Date.now()), ids);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(left));
    if (announced) {
      let ended = parseEnded(localStorage.getItem(ENDED_KEY));
      for (const id of ids) ended = addEnded(ended, id);
      localStorage.setItem(ENDED_KEY, JSON.stringify(ended));
    }
  } catch {
    // Nothing stored, nothing to forget.
  }
  notify();
}
