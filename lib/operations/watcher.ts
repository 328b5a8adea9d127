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

/** How many running operations one poll asks for (the page shows the newest ones). */
const RUNNING_PAGE_SIZE = 100;

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
  /** Operations last seen running through the "running" query, to catch them finishing. */
  private runningSeen = new Set<number>();
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
    let needsFetch = false;
    if ('ids' in scope) {
      for (const id of scope.ids) {
        const cached = this.cache.get(id);
        if (this.missing.has(id)) listener({ kind: 'missing', id });
        else if (!cached) needsFetch = true;
        else listener({ kind: 'operation', op: cached.event, version: cached.version });
        if (cached && !isFinalStep(cached.event.step)) needsFetch = true;
      }
    } else {
      for (const cached of this.cache.values()) {
        if (isFinalStep(cached.event.step)) continue;
        listener({ kind: 'operation', op: cached.event, version: cached.version });
      }
      needsFetch = true;
    }
    // Coalesced: the first of 200 tabs pulls the next poll forward, the others find it already due.
    if (needsFetch) this.pollWithin(0);
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
    const toFetch = new Set<number>();
    for (const sub of this.subscribers) {
      if (!('ids' in sub.scope)) continue;
      for (const id of sub.scope.ids) {
        const cached = this.cache.get(id);
        if (!this.missing.has(id) && (!cached || !isFinalStep(cached.event.step))) toFetch.add(id);
      }
    }
    const seenNow = new Set<number>();
    if (wantRunning) {
      const running = await this.list({
        step: [...RUNNING_STEPS],
        items_per_page: RUNNING_PAGE_SIZE,
        sort_by: 'date_created DESC',
      });
      for (const op of running) {
        seenNow.add(op.id);
        this.apply(op, true);
      }
      // Gone from the running list: finished (or cancelled) since the last poll — fetch the outcome.
      for (const id of this.runningSeen) if (!seenNow.has(id)) toFetch.add(id);
      this.runningSeen = seenNow;
    }
    for (const id of seenNow) toFetch.delete(id);
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
      this.runningSeen.size > 0 ||
      [...this.subscribers].some(
        (sub) =>
          'ids' in sub.scope &&
          sub.scope.ids.some((id) => {
            const cached = this.cache.get(id);
            return !this.missing.has(id) && (!cached || !isFinalStep(cached.event.step));
          }),
      );
    if (anyRunning) return this.deps.timings.fastMs;
    return wantRunning ? this.deps.timings.slowMs : null;
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
    const forRunningScope = fromRunningQuery || !isFinalStep(event.step) || wasRunning;
    this.deliver(op.id, { kind: 'operation', op: event, version }, forRunningScope);
  }

  private deliver(id: number, message: WatcherMessage, forRunningScope: boolean): void {
    for (const sub of this.subscribers) {
      const wants = 'ids' in sub.scope ? sub.scope.ids.includes(id) : forRunningScope;
      if (wants) sub.listener(message);
    }
  }

  /** Forgets finished operations nobody asks for by id (the running view has already seen them end). */
  private prune(): void {
    const wanted = new Set<number>();
    for (const sub of this.subscribers)
      if ('ids' in sub.scope) sub.scope.ids.forEach((id) => wanted.add(id));
    for (const [id, cached] of this.cache) {
      if (isFinalStep(cached.event.step) && !wanted.has(id) && !this.runningSeen.has(id))
        this.cache.delete(id);
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
