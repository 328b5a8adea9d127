import { createHash } from 'node:crypto';
import type { GandiConnection } from '@/lib/gandi';

/**
 * A short-lived, per-process memory of reference data that every page asks for and that changes
 * on Gandi's side only (datacenters and their closing dates, images): one upstream call per key,
 * endpoint and list every few minutes instead of one per page. Entries are keyed by a digest of
 * endpoint + API key + what was read — never shared across API keys, never holding a raw key — and
 * only successes are kept (a failure is retried by the next page). Identical reads in flight share
 * one call. Bounded: the oldest entries go first.
 */
export interface ReferenceCache {
  read<T>(conn: GandiConnection, what: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Entries held (for tests). */
  size(): number;
}

interface Entry {
  value: Promise<unknown>;
  /** Until when the value may be served; Infinity while its call is still in flight. */
  expiresAt: number;
}

export function createReferenceCache({
  now = Date.now,
  maxEntries = 1_000,
}: { now?: () => number; maxEntries?: number } = {}): ReferenceCache {
  const entries = new Map<string, Entry>();
  const keyOf = (conn: GandiConnection, what: string) =>
    createHash('sha256')
      .update(conn.endpoint)
      .update('\0')
      .update(conn.apiKey)
      .update('\0')
      .update(what)
      .digest('hex');
  return {
    read<T>(conn: GandiConnection, what: string, ttlMs: number, load: () => Promise<T>) {
      const key = keyOf(conn, what);
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) return hit.value as Promise<T>;
      entries.delete(key);
      const value = load();
      const entry: Entry = { value, expiresAt: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      value.then(
        () => {
          entry.expiresAt = now() + ttlMs;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      // Maps iterate in insertion order: the first keys are the oldest.
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return value;
    },
    size: () => entries.size,
  };
}

/**
 * How long reference data may be served from memory (Gandi changes these rarely). The runway
 * banner's credits and burn change with billing and with what the user creates: a banner that
 * lags half a minute is fine, the dashboard's figures are read afresh.
 */
export const REFERENCE_TTL_MS = {
  datacenters: 5 * 60_000,
  images: 5 * 60_000,
  runwayBanner: 30_000,
} as const;

/** The panel process's cache (each replica has its own: the data is Gandi's, not ours). */
export const referenceCache = createReferenceCache();
