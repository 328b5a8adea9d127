/**
 * Token → result of one creation, so that a second submit of the same wizard (double click,
 * a resubmit after an error page, a reload of the wizard URL) returns the first result instead
 * of creating a second VM.
 *
 * The in-flight promise itself is stored: a second submit that arrives while the first is still
 * talking to the API waits for it rather than racing it. A result stays for `ttlMs`; the map is
 * bounded (oldest first out). A failure the caller marks as "certainly nothing was created"
 * (a fault from the API) is forgotten so the same wizard can be corrected and submitted again;
 * any other failure (timeout, network) is kept, because the VM may exist.
 */
export interface IdempotencyStore<T> {
  /** Runs `create` once per key; later calls with the key get the same promise. */
  run(key: string, create: () => Promise<T>): Promise<T>;
  /** The stored outcome for a key, if any (e.g. to show a reloaded wizard its progress). */
  peek(key: string): Promise<T> | undefined;
  readonly size: number;
}

export interface IdempotencyOptions {
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds since the epoch; injected for tests. */
  now?: () => number;
  /** True when a failure proves nothing was done, so the key may be tried again. */
  forgetOnError?: (error: unknown) => boolean;
}

interface Entry<T> {
  promise: Promise<T>;
  expiresAt: number;
}

export function createIdempotencyStore<T>(options: IdempotencyOptions): IdempotencyStore<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();

  function sweep(): void {
    const at = now();
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= at) entries.delete(key);
    }
  }

  function live(key: string): Entry<T> | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    run(key, create) {
      const existing = live(key);
      if (existing) return existing.promise;
      sweep();
      while (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      const promise = create();
      const entry: Entry<T> = { promise, expiresAt: now() + options.ttlMs };
      entries.set(key, entry);
      promise.catch((error: unknown) => {
        if (options.forgetOnError?.(error) && entries.get(key) === entry) entries.delete(key);
      });
      return promise;
    },
    peek(key) {
      return live(key)?.promise;
    },
    get size() {
      return entries.size;
    },
  };
}
