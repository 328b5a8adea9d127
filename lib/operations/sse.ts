import 'server-only';
import { serializeKnown, type KnownVersions } from './event-id';
import type { AccountWatcher, WatchScope, WatcherMessage } from './watcher';
import { isFinalStep } from './types';

/** What the stream reports to the process (metrics, shutdown); tests pass nothing. */
export interface StreamHooks {
  /** Called once when the stream opens; returns what to call when it closes. */
  opened?: () => () => void;
  /** Registers a "reconnect elsewhere" notice for a draining replica; returns an unregister. */
  onDrain?: (notice: () => void) => () => void;
}

/** A comment line every 15 s keeps proxies and the browser from dropping an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** The browser waits this long before reconnecting a dropped stream. */
export const RECONNECT_MS = 2_000;

export const SSE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

/**
 * A stream that only says why it was refused (too many streams or ids): the browser's EventSource
 * cannot read an error status's body, so the refusal is an event the panel shows, then the end.
 */
export function refusedStream(message: string): ReadableStream<Uint8Array> {
  const text = `retry: ${RECONNECT_MS}\nevent: refused\ndata: ${JSON.stringify({ message })}\n\n`;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
}

/**
 * Builds the event stream of one tab: subscribes to the account's watcher, writes each change as an
 * SSE event whose `id:` records every version delivered so far (see event-id.ts), sends `settled`
 * once every watched id is final, and unsubscribes when the tab goes away (`signal` aborts).
 */
export function operationEventStream(
  watcher: AccountWatcher,
  scope: WatchScope,
  known: KnownVersions,
  signal: AbortSignal,
  heartbeatMs = HEARTBEAT_MS,
  hooks: StreamHooks = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const delivered: KnownVersions = new Map(known);
  const finalIds = new Set<number>();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const checkSettled = () => {
        if ('ids' in scope && scope.ids.every((id) => finalIds.has(id))) {
          write(`event: settled\ndata: ${JSON.stringify({ ids: scope.ids })}\n\n`);
        }
      };
      const onMessage = (message: WatcherMessage) => {
        switch (message.kind) {
          case 'operation': {
            // A resumed tab already has this version (its Last-Event-ID says so): do not resend it.
            if (delivered.get(message.op.id) !== message.version) {
              delivered.delete(message.op.id);
              delivered.set(message.op.id, message.version);
              write(
                `id: ${serializeKnown(delivered)}\nevent: operation\ndata: ${JSON.stringify(message.op)}\n\n`,
              );
            }
            if (isFinalStep(message.op.step)) {
              finalIds.add(message.op.id);
              checkSettled();
            }
            break;
          }
          case 'missing':
            write(`event: missing\ndata: ${JSON.stringify({ id: message.id })}\n\n`);
            finalIds.add(message.id);
            checkSettled();
            break;
          case 'error':
            write(
              `event: ${message.revoked ? 'revoked' : 'upstream-error'}\ndata: ${JSON.stringify({ message: message.message })}\n\n`,
            );
            break;
        }
      };
      write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
      const unsubscribe = watcher.subscribe(scope, onMessage);
      const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
      const closedHook = hooks.opened?.();
      // A draining replica ends the stream with a notice; the browser reconnects (to another one).
      const undrain = hooks.onDrain?.(() => {
        write(`event: reconnect\ndata: {}\n\n`);
        cleanup();
      });
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        closedHook?.();
        undrain?.();
        signal.removeEventListener('abort', cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      if (signal.aborted) cleanup();
      else signal.addEventListener('abort', cleanup);
    },
    cancel() {
      cleanup();
    },
  });
}
