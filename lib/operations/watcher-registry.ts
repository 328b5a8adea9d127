import type { GandiConnection } from '@/lib/gandi';
import { AccountWatcher, watcherKey, type WatcherDeps } from './watcher';

/** Watchers by `watcherKey`, shared by every request of this server process. */
export class WatcherRegistry {
  private readonly watchers = new Map<string, AccountWatcher>();

  constructor(private readonly deps: WatcherDeps) {}

  /** The watcher of this account on this endpoint, created on first use. */
  forConnection(conn: GandiConnection): AccountWatcher {
    const key = watcherKey(conn);
    const existing = this.watchers.get(key);
    if (existing) return existing;
    // Only endpoint and key are kept: a request's signal or timeout must not outlive the request.
    const watcher = new AccountWatcher(
      { endpoint: conn.endpoint, apiKey: conn.apiKey },
      this.deps,
      () => {
        if (this.watchers.get(key) === watcher) this.watchers.delete(key);
      },
    );
    this.watchers.set(key, watcher);
    return watcher;
  }

  /** The running watcher of this account, if any (does not create one). */
  existing(conn: GandiConnection): AccountWatcher | undefined {
    return this.watchers.get(watcherKey(conn));
  }

  get size(): number {
    return this.watchers.size;
  }

  /** A draining replica gives every account up (another replica's lease takes over at once). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.watchers.values()].map((watcher) => watcher.stop()));
  }
}

export function timerScheduler(task: () => void, ms: number): () => void {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
}
