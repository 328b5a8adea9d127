'use client';

import {
  addTracked,
  CHANNEL_NAME,
  ENDED_KEY,
  parseEnded,
  parseTracked,
  STORAGE_KEY,
  type ChannelMessage,
} from './tracked-operations';

/** Same-tab listeners (a BroadcastChannel does not deliver to the context that posts). */
const localListeners = new Set<(message: ChannelMessage) => void>();

export function onLocalMessage(listener: (message: ChannelMessage) => void): () => void {
  localListeners.add(listener);
  return () => localListeners.delete(listener);
}

export function broadcast(message: ChannelMessage): void {
  for (const listener of localListeners) listener(message);
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage(message);
  channel.close();
}

/**
 * Marks operations as started by this browser: every open tab toasts when they end. Called where
 * the panel shows operations it just started.
 */
export function trackStartedOperations(ids: readonly number[]): void {
  if (typeof window === 'undefined' || ids.length === 0) return;
  let fresh = [...ids];
  try {
    const announced = new Set(parseEnded(localStorage.getItem(ENDED_KEY)));
    fresh = ids.filter((id) => !announced.has(id));
    if (fresh.length === 0) return;
    const now = Date.now();
    const list = addTracked(parseTracked(localStorage.getItem(STORAGE_KEY), now), fresh, now);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Storage refused (private mode, quota): the tabs open now still hear the broadcast.
  }
  broadcast({ kind: 'track', ids: fresh });
}
