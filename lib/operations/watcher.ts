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
import { changeDueAt, delayUntilDue, idBatches, type WatcherTimings } from './poll-plan';
import type { ReplicaLink } from './replica-link';
import { RUNNING_SCOPE_ID, type BoardEntry } from './watch-board';

export { DEFAULT_TIMINGS, type WatcherTimings } from './poll-plan';

/**
 * One server-side watcher per (endpoint, account): it polls `operation.list` for what its
 * subscribers watch and fans each change out to all of them, so 200 tabs on the same operations
 * cost the upstream API what one tab costs. It holds the connection (and so the key) in server
 * memory only, is keyed by a hash of endpoint + key, and stops when its last subscriber leaves.
 * With several replicas (a ReplicaLink), only the replica holding the account's lease polls — the
 * union of what every replica watches — and the others receive its changes through the database.
 */

export type WatchScope = { ids: readonly number[] } | { running: true };

export type WatcherMessage =
  | { kind: 'operation'; op: OperationEvent; version: string }
  /** The operation does not exist for this account (or was purged). */
  | { kind: 'missing'; id: number }
  | { kind: 'error'; message: string; revoked: boolean };

export type WatcherListener = (message: WatcherMessage) => void;

export interface WatcherDeps {
  operationList: (conn: GandiConnection, options: ListOptions) => Promise<Operation[]>;
  /** Runs `task` after `ms`; returns a cancel function (tests drive time through it). */
  schedule: (task: () => void, ms: number) => () => void;
  timings: WatcherTimings;
  /** The clock `eta` is read against (tests pass the simulator's). */
  now?: () => number;
  /** Ties the account's watcher to the other replicas; absent: this process alone watches. */
  link?: (account: string, watcher: AccountWatcher) => ReplicaLink | null;
  /** Told of each failed poll and the back-off it causes (the registry logs it). */
  onPollFailure?: (err: unknown, retryInMs: number | null) => void;
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
  /** When this step was first seen, and when its next change may come (see poll-plan.ts). */
  stepSince: number;
  dueAt: number;
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
  /** What the other replicas' streams watch (polled too while this one leads). */
  private remote: { ids: ReadonlySet<number>; running: boolean } = {
    ids: new Set(),
    running: false,
  };
  private readonly link: ReplicaLink | null;
  private linkStarted = false;
  /** Changes of the current poll, for the other replicas. */
  private outbox: BoardEntry[] = [];
  private leader: boolean;
  private readonly now: () => number;
  /** Upstream calls made (for tests and benchmarks). */
  upstreamCalls = 0;

  constructor(
    private readonly conn: GandiConnection,
    private readonly deps: WatcherDeps,
    private readonly onIdle: () => void = () => undefined,
  ) {
    this.now = deps.now ?? Date.now;
    this.link = deps.link?.(watcherKey(conn), this) ?? null;
    // Alone, this process is the leader; linked, it leads once it holds the lease.
    this.leader = this.link === null;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /** How many distinct operation ids would be watched for the account with `scope` added. */
  watchedIdCount(scope?: WatchScope): number {
    const ids = new Set(this.remote.ids);
    for (const sub of this.subscribers)
      if ('ids' in sub.scope) sub.scope.ids.forEach((id) => ids.add(id));
    if (scope && 'ids' in scope) scope.ids.forEach((id) => ids.add(id));
    return ids.size;
  }

  /**
   * Starts delivering changes for `scope` to `listener`. What the watcher already knows is delivered
   * at once (a resumed stream drops what its tab already has, see sse.ts).
   */
  subscribe(scope: WatchScope, listener: WatcherListener): () => void {
    const before = new Set(this.localIds());
    if (this.link && !this.linkStarted) {
      this.linkStarted = true;
      void this.link.start();
    }
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
    const added = this.localIds().filter((id) => !before.has(id));
    if (added.length > 0) void this.link?.watchChanged(added);
    if (unknown) this.pollWithin(0);
    else this.ensureScheduled();
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  /** Pulls the next poll forward (e.g. after a cancel, so the tab sees CANCEL at once). */
  nudge(): void {
    if (this.subscribers.size === 0) return;
    if (this.link && !this.leader) this.link.nudgeLeader();
    else this.pollWithin(0);
  }

  /** Runs one poll now (tests drive the watcher with this and a manual scheduler). */
  async poll(): Promise<void> {
    if (!this.leader) return;
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
    const published = this.outbox;
    this.outbox = [];
    await this.link?.publish(published);
    if (this.stopped || this.subscribers.size === 0) return;
    if (this.rerun) {
      this.rerun = false;
      this.pollWithin(0);
    } else if (next !== null) {
      this.pollWithin(next);
    }
  }

  /** Stops polling and gives the account up (resolves once the other replicas can take it). */
  stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.onIdle();
    return this.link?.stop() ?? Promise.resolve();
  }

  // --- what the replica link drives (see replica-link.ts) ---

  localIds(): number[] {
    const ids = new Set<number>();
    for (const sub of this.subscribers) {
      if ('ids' in sub.scope) sub.scope.ids.forEach((id) => ids.add(id));
      else ids.add(RUNNING_SCOPE_ID);
    }
    return [...ids];
  }

  setRemote(remote: { ids: number[]; running: boolean }): void {
    const newIds = remote.ids.filter((id) => !this.remote.ids.has(id));
    const newRunning = remote.running && !this.remote.running;
    this.remote = { ids: new Set(remote.ids), running: remote.running };
    if (!this.leader || this.stopped) return;
    // What this leader already knows of ids new elsewhere is published again: the other replica
    // may have missed it (a swept state, a note lost while its listener reconnected).
    const known: BoardEntry[] = [];
    for (const id of newIds) {
      const cached = this.cache.get(id);
      if (this.missing.has(id))
        known.push({ opId: id, running: false, message: { kind: 'missing', id } });
      else if (cached)
        known.push({
          opId: id,
          running: !isFinalStep(cached.event.step),
          message: { kind: 'operation', op: cached.event, version: cached.version },
        });
    }
    void this.link?.publish(known);
    const unknown =
      newIds.some((id) => !this.cache.has(id) && !this.missing.has(id)) ||
      (newRunning && this.since === null);
    if (unknown) this.pollWithin(0);
    else if (remote.ids.length > 0 || remote.running) this.ensureScheduled();
  }

  setLeader(leader: boolean): void {
    this.leader = leader;
    if (leader) {
      // What the previous leader knew of the account-wide changes is not ours: start afresh.
      this.since = null;
      this.pollWithin(0);
    } else {
      this.clearTimer();
    }
  }

  receive(entries: readonly BoardEntry[]): void {
    if (this.leader) return;
    for (const { message, running } of entries) {
      if (message.kind === 'error') {
        for (const sub of this.subscribers) sub.listener(message);
      } else if (message.kind === 'missing') {
        this.missing.add(message.id);
        this.deliver(message.id, message, false);
      } else {
        const cached = this.cache.get(message.op.id);
        if (cached?.version === message.version) continue;
        this.cache.set(message.op.id, this.cacheEntry(message.op, message.version, cached));
        this.missing.delete(message.op.id);
        this.deliver(message.op.id, message, running);
      }
    }
  }

  // --- polling ---

  private scopes(): WatchScope[] {
    const scopes = [...this.subscribers].map((sub) => sub.scope);
    if (this.remote.ids.size > 0) scopes.push({ ids: [...this.remote.ids] });
    if (this.remote.running) scopes.push({ running: true });
    return scopes;
  }

  private async fetchAndFanOut(): Promise<number | null> {
    const scopes = this.scopes();
    const wantRunning = scopes.some((scope) => 'running' in scope);
    let fullPage = false;
    // With a "running" subscriber and a known `since`, the changes query below sees every change
    // of the account, so watched ids need fetching only until first seen.
    const changesCoverIds = wantRunning && this.since !== null;
    if (wantRunning) fullPage = await this.pollAccountChanges();
    else this.since = null;
    const toFetch = new Set<number>();
    for (const scope of scopes) {
      if (!('ids' in scope)) continue;
      for (const id of scope.ids) {
        if (this.missing.has(id)) continue;
        const cached = this.cache.get(id);
        if (!cached || (!changesCoverIds && !isFinalStep(cached.event.step))) toFetch.add(id);
      }
    }
    if (toFetch.size > 0) {
      const ids = [...toFetch];
      // At most a page per call: the API refuses larger pages (and every tab would get errors).
      const pages = await Promise.all(
        idBatches(ids).map((batch) => this.list({ id: batch, items_per_page: batch.length })),
      );
      const found = pages.flat();
      const foundIds = new Set(found.map((op) => op.id));
      for (const op of found) this.apply(op, false);
      for (const id of ids) {
        if (foundIds.has(id)) continue;
        this.missing.add(id);
        this.deliver(id, { kind: 'missing', id }, false);
      }
    }
    this.prune(scopes);
    return this.nextDelay(scopes, wantRunning, fullPage);
  }

  /** The next poll: where a watched operation's next change is due (poll-plan.ts). */
  private nextDelay(scopes: WatchScope[], wantRunning: boolean, fullPage: boolean): number | null {
    const { floorMs, slowMs } = this.deps.timings;
    const now = this.now();
    let next: number | null = fullPage ? floorMs : null;
    const consider = (ms: number) => (next = next === null ? ms : Math.min(next, ms));
    for (const cached of this.cache.values())
      if (!isFinalStep(cached.event.step))
        consider(delayUntilDue(cached.dueAt, now, this.deps.timings));
    const waitingForIds = scopes.some(
      (scope) =>
        'ids' in scope && scope.ids.some((id) => !this.missing.has(id) && !this.cache.has(id)),
    );
    if (waitingForIds) consider(floorMs);
    return next ?? (wantRunning ? slowMs : null);
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
    this.cache.set(op.id, this.cacheEntry(event, version, cached));
    this.missing.delete(op.id);
    // Anything the account-wide queries return is news for the "running" view (including an
    // operation that started and finished between two polls).
    const forRunningScope = fromRunningQuery || !isFinalStep(event.step) || wasRunning;
    this.deliver(op.id, { kind: 'operation', op: event, version }, forRunningScope);
  }

  private cacheEntry(
    event: OperationEvent,
    version: string,
    previous: CachedOperation | undefined,
  ): CachedOperation {
    const now = this.now();
    const stepSince = previous?.event.step === event.step ? previous.stepSince : now;
    return { event, version, stepSince, dueAt: changeDueAt(event, now, stepSince) };
  }

  /**
   * Caches a finished operation as not news for the "running" view. A tab watching its id is still
   * told: it asked for that state (once cached here, no later poll would deliver it — a reloaded
   * creation page whose stream joined during this very poll waited forever).
   */
  private remember(op: Operation): void {
    const event = toOperationEvent(op);
    const version = operationVersion(event);
    this.cache.set(op.id, this.cacheEntry(event, version, undefined));
    this.deliver(op.id, { kind: 'operation', op: event, version }, false);
  }

  private deliver(id: number, message: WatcherMessage, forRunningScope: boolean): void {
    for (const sub of this.subscribers) {
      const wants = 'ids' in sub.scope ? sub.scope.ids.includes(id) : forRunningScope;
      if (wants) sub.listener(message);
    }
    // The leader publishes what it delivers (the other replicas' streams may watch it).
    if (this.link && this.leader) this.outbox.push({ opId: id, running: forRunningScope, message });
  }

  /**
   * Forgets finished operations nobody asks for by id, once they are older than the changes
   * query's overlap (so they are not reported again as news).
   */
  private prune(scopes: WatchScope[]): void {
    const wanted = new Set<number>();
    for (const scope of scopes) if ('ids' in scope) scope.ids.forEach((id) => wanted.add(id));
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
    if (this.link && this.leader)
      this.outbox.push({
        opId: RUNNING_SCOPE_ID,
        running: false,
        message: { kind: 'error', message, revoked },
      });
    const { slowMs, maxBackoffMs } = this.deps.timings;
    const retryInMs = revoked ? null : Math.min(slowMs * 2 ** (this.failures - 1), maxBackoffMs);
    this.deps.onPollFailure?.(err, retryInMs);
    return retryInMs;
  }

  private ensureScheduled(): void {
    if (!this.cancelTimer && !this.inFlight) this.pollWithin(this.deps.timings.floorMs);
  }

  private pollWithin(ms: number): void {
    if (this.stopped || !this.leader) return;
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
