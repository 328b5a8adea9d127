'use client';

import { textLinkClasses } from '@/components/ui/text-link';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { cn } from '@/components/ui/cn';
import { isFinalStep, type OperationEvent } from '@/lib/operations/types';
import { broadcast, onLocalMessage } from './track';
import {
  CHANNEL_NAME,
  toastFor,
  type ChannelMessage,
  type EndedOperation,
  type Toast,
} from './tracked-operations';
import {
  forgetTracked,
  getServerTrackedSnapshot,
  getTrackedSnapshot,
  subscribeTracked,
} from './tracked-store';

const TONE: Record<Toast['tone'], string> = {
  success: 'border-green-600/40 bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200',
  danger: 'border-red-600/40 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200',
  neutral: 'border-zinc-300 bg-white text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100',
};

/** Good news goes away by itself after this long; a failure stays until closed. */
export const TOAST_DISMISS_MS = 6_000;

type Permission = NotificationPermission | 'unsupported';
const permissionListeners = new Set<() => void>();
const subscribePermission = (listener: () => void) => {
  permissionListeners.add(listener);
  return () => permissionListeners.delete(listener);
};
const getPermission = (): Permission =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/**
 * Lives in the shell of every tab: follows the operations this browser started (over the SSE
 * stream) and, when one ends, shows a toast here and tells the other tabs (BroadcastChannel);
 * with the user's permission also a browser notification (one per operation: same `tag`).
 */
export function OperationNotifier() {
  const tracked = useSyncExternalStore(
    subscribeTracked,
    getTrackedSnapshot,
    getServerTrackedSnapshot,
  );
  const permission = useSyncExternalStore(subscribePermission, getPermission, () => 'unsupported');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const ended = useRef(new Set<number>());

  // Stable across renders so the subscriptions below do not reconnect for nothing.
  const endRef = useRef((op: EndedOperation, seenHere: boolean) => {
    if (ended.current.has(op.id)) return;
    ended.current.add(op.id);
    forgetTracked([op.id], true);
    const toast = toastFor(op);
    setToasts((current) => [...current.filter((t) => t.id !== op.id), toast].slice(-5));
    if (!seenHere) return;
    broadcast({ kind: 'ended', op });
    if (getPermission() === 'granted') {
      new Notification(toast.title, { body: toast.body ?? undefined, tag: `operation-${op.id}` });
    }
  });

  // Success and neutral toasts dismiss themselves; errors wait for the person to close them.
  useEffect(() => {
    const timers = toasts
      .filter((toast) => toast.tone !== 'danger')
      .map((toast) =>
        setTimeout(
          () => setToasts((current) => current.filter((t) => t.id !== toast.id)),
          TOAST_DISMISS_MS,
        ),
      );
    return () => timers.forEach(clearTimeout);
  }, [toasts]);

  // Other tabs' news (an operation they saw end).
  useEffect(() => {
    const onMessage = (message: ChannelMessage) => {
      if (message.kind === 'ended') endRef.current(message.op, false);
    };
    const offLocal = onLocalMessage(onMessage);
    const channel =
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
    if (channel) channel.onmessage = (event: MessageEvent<ChannelMessage>) => onMessage(event.data);
    return () => {
      offLocal();
      channel?.close();
    };
  }, []);

  // Follow the pending ones over the operations stream.
  const search = tracked.join(',');
  useEffect(() => {
    if (search === '') return;
    const source = new EventSource(`/api/operations/stream?ids=${search}`);
    source.addEventListener('operation', (event) => {
      const op = JSON.parse((event as MessageEvent<string>).data) as OperationEvent;
      if (isFinalStep(op.step)) endRef.current(op, true);
    });
    // Another account's operation (after signing in as someone else): stop following it.
    source.addEventListener('missing', (event) => {
      const { id } = JSON.parse((event as MessageEvent<string>).data) as { id: number };
      forgetTracked([id]);
    });
    source.addEventListener('settled', () => source.close());
    source.addEventListener('revoked', () => source.close());
    return () => source.close();
  }, [search]);

  return (
    <>
      {permission === 'default' ? (
        <button
          type="button"
          className={cn('text-xs', textLinkClasses)}
          onClick={() => {
            void Notification.requestPermission().then(() => {
              for (const listener of permissionListeners) listener();
            });
          }}
        >
          Notify me when operations end
        </button>
      ) : null}
      <section
        aria-label="Notifications"
        // Over the navigation column on a laptop (never over a form's fields); at the bottom of a
        // phone's screen, where they go away by themselves.
        className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col gap-2 lg:right-auto lg:left-2 lg:w-[14rem]"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role="status"
            className={cn(
              'pointer-events-auto rounded-md border p-3 text-sm shadow-lg',
              TONE[toast.tone],
            )}
          >
            <div className="flex items-start justify-between gap-2">
              <p className="font-semibold">{toast.title}</p>
              <button
                type="button"
                aria-label="Dismiss"
                className="rounded px-1 text-xs opacity-70 hover:opacity-100"
                onClick={() => setToasts((current) => current.filter((t) => t.id !== toast.id))}
              >
                ✕
              </button>
            </div>
            {toast.body ? <p className="mt-1 break-words">{toast.body}</p> : null}
            <p className="mt-1 text-xs opacity-70">Operation #{toast.id}</p>
          </div>
        ))}
      </section>
    </>
  );
}
