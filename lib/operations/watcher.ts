import 'server-only';
import { createHash } from 'node:crypto';
import {
  GandiError,
  userMessage,
  type GandiConnection,
  type ListOptions,
  type Operation,
} from '@/lib/gandi';
import { isFinalStep, RUNNING_STEPS, toOperationEvent, type OperationEvent } from './types';

/**
 * One server-side watcher per (endpoint, account): it polls `operation.list` for what its
 * subscribers watch and fans each change out to all of them, so 200 tabs on the same operations
 * cost the upstream API what one tab costs. It holds the connection (and so the key) in server
 * memory only, is keyed by a hash of endpoint + key, and stops when its last subscriber leaves.
 */

export type WatchScope = { ids: readonly number[] } | { running: true };

export type WatcherMessage =
  | { kind: 'operation'; op: OperationEvent; version: string }
  /** The operation does not exist for this account (or was purged). */
  | { kind: 'missing'; id: number }
  | { kind: 'error'; message: string; revoked: boolean };

export type WatcherListener = (message: WatcherMessage) => void;

export interface WatcherTimings {
  /** While anything watched is running (BILL/WAIT/RUN). */
  fastMs: number;
  /** While only "running operations" are watched and none runs. */
  slowMs: number;
  /** Upper bound of the back-off after upstream failures. */
  maxBackoffMs: number;
}

export const DEFAULT_TIMINGS: WatcherTimings = { fastMs: 500, slowMs: 5_000, maxBackoffMs: 30_000 };

export interface WatcherDeps {
  operationList: (conn: GandiConnection, options: ListOptions) => Promise<Operation[]>;
  /** Runs `task` after `ms`; returns a cancel function (tests drive time through it). */
  schedule: (task: () => void, ms: number) => () => void;
  timings: WatcherTimings;
}

/** How many running operations the first poll asks for (the page shows the newest ones). */
const RUNNING_PAGE_SIZE = 100;
/** Finished operations remembered at start, so the first changes query does not replay them. */
const BASELINE_PAGE_SIZE = 20;
const CHANGES_PAGE_SIZE = 100;
/**
 * Re-read this much before the newest date seen: wire dates have one-second resolution and a
 * transition may be stamped a little before it becomes visible. Versions drop the duplicates.
 */
const CHANGES_OVERLAP_MS = 2_000;

/** `YYYY-MM-DD HH:MM:SS` in UTC, the date form list filters accept. */
export function formatApiDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function maxDateUpdated(ops: readonly { dateUpdated: Date }[]): Date | null {
  let max: Date | null = null;
  for (const op of ops) if (!max || op.dateUpdated > max) max = op.dateUpdated;
  return max;
}

interface Subscriber {
  scope: WatchScope;
  listener: WatcherListener;
}

interface CachedOperation {
  event: OperationEvent;
  version: string;
}

/** A short, deterministic digest of what the browser sees of an operation. */
export function operationVersion(event: OperationEvent): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('hex').slice(0, 12);
}

/** The registry key: never the raw key, and distinct per endpoint. */
export function watcherKey(conn: Pick<GandiConnection, 'endpoint' | 'apiKey'>): string {
  return createHash('sha256').update(`${conn.endpoint}\n${conn.apiKey}`).digest('hex');
}

export class AccountWatcher {
  private readonly subscribers = new Set<Subscriber>();
  private readonly cache = new Map<number, CachedOperation>();
  private readonly missing = new Set<number>();
  /** The newest `date_updated` seen (the API's clock); null until the "running" view starts. */
  private since: Date | null = null;
  private cancelTimer: (() => void) | null = null;
  private dueAt = Number.POSITIVE_INFINITY;
  private inFlight = false;
  private rerun = false;
  private failures = 0;
  private stopped = false;
  /** Upstream calls made (for tests and benchmarks). */
  upstreamCalls = 0;

  constructor(
    private readonly conn: GandiConnection,
    private readonly deps: WatcherDeps,
    private readonly onIdle: () => void = () => undefined,
  ) {}

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /**
   * Starts delivering changes for `scope` to `listener`. What the watcher already knows is delivered
   * at once (a resumed stream drops what its tab already has, see sse.ts).
   */
  subscribe(scope: WatchScope, listener: WatcherListener): () => void {
    const subscriber: Subscriber = { scope, listener };
    this.subscribers.add(subscriber);
    // Only what the watcher has never seen pulls the next poll forward: a tab joining operations
    // already being watched gets the cached state at once and rides the existing rhythm, so 200
    // tabs opening do not cause 200 polls.
    let unknown = false;
    if ('ids' in scope) {
      for (const id of scope.ids) {
        const cached = this.cache.get(id);
        if (this.missing.has(id)) listener({ kind: 'missing', id });
        else if (cached) listener({ kind: 'operation', op: cached.event, version: cached.version });
        else unknown = true;
      }
    } else {
      for (const cached of this.cache.values()) {
        if (!isFinalStep(cached.event.step))
          listener({ kind: 'operation', op: cached.event, version: cached.version });
      }
      unknown = this.since === null;
    }
    if (unknown) this.pollWithin(0);
    else if (!this.cancelTimer && !this.inFlight) this.pollWithin(this.deps.timings.fastMs);
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  /** Pulls the next poll forward (e.g. after a cancel, so the tab sees CANCEL at once). */
  nudge(): void {
    if (this.subscribers.size > 0) this.pollWithin(0);
  }

  /** Runs one poll now (tests drive the watcher with this and a manual scheduler). */
  async poll(): Promise<void> {
    if (this.inFlight) {
      this.rerun = true;
      return;
    }
    this.inFlight = true;
    this.clearTimer();
    let next: number | null;
    try {
      next = await this.fetchAndFanOut();
      this.failures = 0;
    } catch (err) {
      next = this.handleFailure(err);
    } finally {
      this.inFlight = false;
    }
    if (this.stopped || this.subscribers.size === 0) return;
    if (this.rerun) {
      this.rerun = false;
      this.pollWithin(0);
    } else if (next !== null) {
      this.pollWithin(next);
    }
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.onIdle();
  }

  private async fetchAndFanOut(): Promise<number | null> {
    const wantRunning = [...this.subscribers].some((sub) => 'running' in sub.scope);
    let fullPage = false;
    // With a "running" subscriber and a known `since`, the changes query below sees every change
    // of the account, so watched ids need fetching only until first seen.
    const changesCoverIds = wantRunning && this.since !== null;
    if (wantRunning) fullPage = await this.pollAccountChanges();
    else this.since = null;
    const toFetch = new Set<number>();
    for (const sub of this.subscribers) {
      if (!('ids' in sub.scope)) continue;
      for (const id of sub.scope.ids) {
        if (this.missing.has(id)) continue;
        const cached = this.cache.get(id);
        if (!cached || (!changesCoverIds && !isFinalStep(cached.event.step))) toFetch.add(id);
      }
    }
    if (toFetch.size > 0) {
      const ids = [...toFetch];
      const found = await this.list({ id: ids, items_per_page: ids.length });
      const foundIds = new Set(found.map((op) => op.id));
      for (const op of found) this.apply(op, false);
      for (const id of ids) {
        if (foundIds.has(id)) continue;
        this.missing.add(id);
        this.deliver(id, { kind: 'missing', id }, false);
      }
    }
    this.prune();
    const anyRunning =
      fullPage || [...this.cache.values()].some((cached) => !isFinalStep(cached.event.step));
    const waitingForIds = [...this.subscribers].some(
      (sub) =>
        'ids' in sub.scope &&
        sub.scope.ids.some((id) => !this.missing.has(id) && !this.cache.has(id)),
    );
    if (anyRunning || waitingForIds) return this.deps.timings.fastMs;
    return wantRunning ? this.deps.timings.slowMs : null;
  }

  /**
   * What the "running" view needs: first the running operations (plus a baseline instant, taken
   * from the API's own dates so the panel's clock does not matter), then on each poll every
   * operation updated since — which also catches one that started and finished between two
   * slow polls. Returns true when a full page came back (more changes are waiting).
   */
  private async pollAccountChanges(): Promise<boolean> {
    if (this.since === null) {
      const [running, latest] = await Promise.all([
        this.list({
          step: [...RUNNING_STEPS],
          items_per_page: RUNNING_PAGE_SIZE,
          sort_by: 'date_created DESC',
        }),
        this.list({ items_per_page: BASELINE_PAGE_SIZE, sort_by: 'date_updated DESC' }),
      ]);
      // Already finished before the tab opened: remembered (so the overlap below does not report
      // them as news), not delivered.
      for (const op of latest) if (isFinalStep(op.step)) this.remember(op);
      for (const op of running) this.apply(op, true);
      this.since = maxDateUpdated([...running, ...latest]) ?? new Date(0);
      return false;
    }
    const changed = await this.list({
      '>date_updated': formatApiDate(new Date(this.since.getTime() - CHANGES_OVERLAP_MS)),
      items_per_page: CHANGES_PAGE_SIZE,
      sort_by: 'date_updated ASC',
    });
    for (const op of changed) this.apply(op, true);
    this.since = maxDateUpdated([...changed, { dateUpdated: this.since }]) ?? this.since;
    return changed.length === CHANGES_PAGE_SIZE;
  }

  private async list(options: ListOptions): Promise<Operation[]> {
    this.upstreamCalls += 1;
    return this.deps.operationList(this.conn, options);
  }

  private apply(op: Operation, fromRunningQuery: boolean): void {
    const event = toOperationEvent(op);
    const version = operationVersion(event);
    const cached = this.cache.get(op.id);
    if (cached?.version === version) return;
    const wasRunning = cached ? !isFinalStep(cached.event.step) : false;
    this.cache.set(op.id, { event, version });
    this.missing.delete(op.id);
    // Anything the account-wide queries return is news for the "running" view (including an
    // operation that started and finished between two polls).
    const forRunningScope = fromRunningQuery || !isFinalStep(event.step) || wasRunning;
    this.deliver(op.id, { kind: 'operation', op: event, version }, forRunningScope);
  }

  /** Caches an operation without telling anyone (it is not news). */
  private remember(op: Operation): void {
    const event = toOperationEvent(op);
    this.cache.set(op.id, { event, version: operationVersion(event) });
  }

  private deliver(id: number, message: WatcherMessage, forRunningScope: boolean): void {
    for (const sub of this.subscribers) {
      const wants = 'ids' in sub.scope ? sub.scope.ids.includes(id) : forRunningScope;
      if (wants) sub.listener(message);
    }
  }

  /**
   * Forgets finished operations nobody asks for by id, once they are older than the changes
   * query's overlap (so they are not reported again as news).
   */
  private prune(): void {
    const wanted = new Set<number>();
    for (const sub of this.subscribers)
      if ('ids' in sub.scope) sub.scope.ids.forEach((id) => wanted.add(id));
    const keepAfter = this.since
      ? this.since.getTime() - 2 * CHANGES_OVERLAP_MS
      : Number.POSITIVE_INFINITY;
    for (const [id, cached] of this.cache) {
      if (!isFinalStep(cached.event.step) || wanted.has(id)) continue;
      if (Date.parse(cached.event.dateUpdated) < keepAfter) this.cache.delete(id);
    }
    for (const id of this.missing) if (!wanted.has(id)) this.missing.delete(id);
  }

  private handleFailure(err: unknown): number | null {
    this.failures += 1;
    const revoked = err instanceof GandiError && err.kind === 'fault' && err.faultCode === 510150;
    const message = userMessage(err);
    for (const sub of this.subscribers) sub.listener({ kind: 'error', message, revoked });
    if (revoked) return null;
    const { slowMs, maxBackoffMs } = this.deps.timings;
    return Math.min(slowMs * 2 ** (this.failures - 1), maxBackoffMs);
  }

  private pollWithin(ms: number): void {
    if (this.stopped) return;
    const dueAt = Date.now() + ms;
    if (this.inFlight) {
      if (ms === 0) this.rerun = true;
      return;
    }
    if (this.cancelTimer && this.dueAt <= dueAt) return;
    this.clearTimer();
    this.dueAt = dueAt;
    this.cancelTimer = this.deps.schedule(() => {
      this.cancelTimer = null;
      this.dueAt = Number.POSITIVE_INFINITY;
      void this.poll();
    }, ms);
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.dueAt = Number.POSITIVE_INFINITY;
  }
}

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
}

export function timerScheduler(task: () => void, ms: number): () => void {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
}
