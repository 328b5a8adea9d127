import { createHash } from 'node:crypto';
import { STREAM_SLOT_TTL_MS, streamSlots } from '@/lib/shared-state/runtime';
import type { AccountWatcher, WatchScope } from './watcher';

/**
 * What one member may ask of the watcher (issue 15): a tab opens two or three streams (the
 * running drawer, the notifier, the page), so a session gets room for a dozen tabs; an account's
 * watched ids stay a few upstream pages. Beyond either, the stream is refused with a message the
 * panel shows instead of a silent reconnect loop.
 */
export const MAX_STREAMS_PER_SESSION = 24;
export const MAX_WATCHED_IDS_PER_ACCOUNT = 500;

export const TOO_MANY_STREAMS =
  `Too many live views are open for this session (at most ${MAX_STREAMS_PER_SESSION}). ` +
  'Close some tabs, then reload this page.';
export const TOO_MANY_IDS =
  `This account already watches too many operations (at most ${MAX_WATCHED_IDS_PER_ACCOUNT}). ` +
  'Close some tabs, then reload this page.';

/**
 * Takes a stream slot of `session` in the shared storage (the limit holds across replicas) and
 * keeps it refreshed; the returned function gives it back. Null when the session is at its
 * limit. With the storage unreachable, this replica counts alone (streams stay live, as the
 * watcher does then).
 */
export async function takeStreamSlot(
  session: string,
  local: StreamCounter,
  max = MAX_STREAMS_PER_SESSION,
): Promise<(() => void) | null> {
  let slot;
  try {
    slot = await (await streamSlots(max)).acquire(session);
  } catch {
    return local.acquire(session);
  }
  if (!slot) return null;
  const held = slot;
  const refresh = setInterval(
    () => void held.refresh().catch(() => undefined),
    STREAM_SLOT_TTL_MS / 3,
  );
  refresh.unref?.();
  return () => {
    clearInterval(refresh);
    void held.release().catch(() => undefined);
  };
}

/** Open streams per session on this replica (a session's digest, never its id or the key). */
export class StreamCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly max = MAX_STREAMS_PER_SESSION) {}

  /** Counts one more stream of `session`; null when the session is at its limit. */
  acquire(session: string): (() => void) | null {
    const key = createHash('sha256').update(session).digest('hex');
    const count = this.open.get(key) ?? 0;
    if (count >= this.max) return null;
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left <= 0) this.open.delete(key);
      else this.open.set(key, left);
    };
  }

  countOf(session: string): number {
    return this.open.get(createHash('sha256').update(session).digest('hex')) ?? 0;
  }
}

/** Null when the account may watch `scope` too; else why not. */
export function watchRefusal(
  watcher: AccountWatcher | undefined,
  scope: WatchScope,
  max = MAX_WATCHED_IDS_PER_ACCOUNT,
): string | null {
  if (!('ids' in scope)) return null;
  const count = watcher ? watcher.watchedIdCount(scope) : new Set(scope.ids).size;
  return count > max ? TOO_MANY_IDS : null;
}
