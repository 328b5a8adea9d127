'use client';

import { useState, useSyncExternalStore } from 'react';

/** "1 min 05 s" */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** A shared one-second clock: every <Elapsed> on the page re-renders from one interval. */
const clock = {
  listeners: new Set<() => void>(),
  timer: undefined as ReturnType<typeof setInterval> | undefined,
  subscribe(listener: () => void) {
    clock.listeners.add(listener);
    clock.timer ??= setInterval(() => clock.listeners.forEach((notify) => notify()), 1000);
    return () => {
      clock.listeners.delete(listener);
      if (clock.listeners.size === 0 && clock.timer !== undefined) {
        clearInterval(clock.timer);
        clock.timer = undefined;
      }
    };
  },
  // Whole seconds, so consecutive reads within a second return the same snapshot.
  read: () => Math.floor(Date.now() / 1000) * 1000,
  // The server does not know the browser's "now": render a placeholder, filled in after hydration.
  readOnServer: () => null,
};

/** Time since `from`; ticks every second until `until` is set (then shows the final duration). */
export function Elapsed({ from, until }: { from: string; until?: string | null }) {
  const now = useSyncExternalStore(clock.subscribe, clock.read, clock.readOnServer);
  const start = Date.parse(from);
  const end = until ? Date.parse(until) : now;
  if (end === null) return <span>—</span>;
  const ms = Math.max(0, end - start);
  return <time dateTime={`PT${Math.floor(ms / 1000)}S`}>{formatDuration(ms)}</time>;
}

/**
 * "about 4 s left", counting down from when this estimate arrived (remount with a new `key` for a
 * new estimate), so it does not sit still while the upstream cannot be asked for a fresh one; past
 * the estimate it says so rather than showing a number that stopped.
 */
export function Remaining({ seconds }: { seconds: number }) {
  const now = useSyncExternalStore(clock.subscribe, clock.read, clock.readOnServer);
  const [since] = useState(() => clock.read());
  if (now === null) return <span>about {seconds} s left</span>;
  const left = Math.ceil(seconds - (now - since) / 1000);
  if (left <= 0) return <span>taking longer than estimated</span>;
  return <span>about {formatDuration(left * 1000)} left</span>;
}
