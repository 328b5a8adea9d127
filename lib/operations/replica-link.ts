import { isFinalStep } from './types';
import { RUNNING_SCOPE_ID, type BoardEntry, type WatchBoard, type WatchNote } from './watch-board';

/** What a replica link drives in its account watcher. */
export interface LinkedWatcher {
  /** The ids this replica's streams watch (RUNNING_SCOPE_ID for a "running" view). */
  localIds(): number[];
  setRemote(remote: { ids: number[]; running: boolean }): void;
  setLeader(leader: boolean): void;
  /** States another replica published. */
  receive(entries: BoardEntry[]): void;
  /** Poll now (a cancel elsewhere, new ids elsewhere). */
  nudge(): void;
}

export interface LinkTimings {
  /** Registration and lease renewal period; well under the board's lease. */
  heartbeatMs: number;
}

export const DEFAULT_LINK_TIMINGS: LinkTimings = { heartbeatMs: 1_000 };

/** Published states nobody updated for this long are dropped (a leader sweeps now and then). */
const STATE_KEEP_MS = 60 * 60 * 1000;
const SWEEP_EVERY_BEATS = 60;

export type LinkScheduler = (task: () => void, ms: number) => () => void;

/**
 * One account's watcher on one replica, tied to the others through the board: every heartbeat it
 * registers what its streams watch, reads what the other replicas watch and takes or renews the
 * account's lease. The lease holder polls the upstream for the union and publishes each change;
 * the others read the published states when a note says something changed. A holder that dies
 * stops renewing: its lease expires and the next heartbeat elsewhere takes it over; a holder whose
 * last stream leaves (or that drains) releases it and says so, so another takes over at once.
 */
export class ReplicaLink {
  private leader = false;
  /** Until when this replica may act as leader without a renewal (its own clock). */
  private leaderUntil = 0;
  private cancelTimer: (() => void) | null = null;
  private unlisten: (() => void) | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private beats = 0;

  constructor(
    private readonly board: WatchBoard,
    private readonly account: string,
    private readonly watcher: LinkedWatcher,
    private readonly schedule: LinkScheduler,
    private readonly timings: LinkTimings = DEFAULT_LINK_TIMINGS,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  /** Starts listening and runs the first heartbeat; resolves once it ran. */
  start(): Promise<void> {
    // Whatever this link does comes after the give-up of this replica's previous link.
    this.chain = this.board.afterLeaving(this.account);
    this.unlisten = this.board.notifier.listen(
      (note) => this.onNote(note),
      () => void this.resync(),
    );
    return this.heartbeat();
  }

  /** One registration + lease round (the timer calls it; tests call it directly). */
  heartbeat(): Promise<void> {
    return this.serial(async () => {
      if (this.stopped) return;
      this.clearTimer();
      try {
        await this.board.setWatched(this.account, this.watcher.localIds());
        this.watcher.setRemote(await this.board.watchedElsewhere(this.account));
        const leading = await this.board.tryLead(this.account);
        if (leading) this.leaderUntil = this.now() + this.board.leaseMs;
        this.setLeader(leading);
        if (leading && ++this.beats % SWEEP_EVERY_BEATS === 0)
          await this.board.sweep(STATE_KEEP_MS);
      } catch (err) {
        this.onError(err);
        // Without a renewal this replica must not poll past its lease: another may take over.
        if (this.leader && this.now() >= this.leaderUntil) this.setLeader(false);
      }
      if (!this.stopped)
        this.cancelTimer = this.schedule(() => void this.heartbeat(), this.timings.heartbeatMs);
    });
  }

  /** Stops renewing (what a crashed replica does); the lease then expires. For tests. */
  abandon(): void {
    this.stopped = true;
    this.clearTimer();
    this.unlisten?.();
    this.leader = false;
  }

  /** This replica's streams changed what they watch: tell the leader, catch up from the board. */
  watchChanged(newIds: readonly number[]): Promise<void> {
    return this.serial(async () => {
      if (this.stopped) return;
      try {
        await this.board.setWatched(this.account, this.watcher.localIds());
        if (this.leader) return;
        await this.board.note(this.account, 'w');
        const known = [
          ...(await this.board.read(
            this.account,
            newIds.filter((id) => id !== RUNNING_SCOPE_ID),
          )),
          // A new "running" view starts with what runs now, as on the leader (watcher.subscribe).
          ...(newIds.includes(RUNNING_SCOPE_ID)
            ? (await this.board.read(this.account, 'running')).filter(
                ({ message }) => message.kind === 'operation' && !isFinalStep(message.op.step),
              )
            : []),
        ];
        this.watcher.receive(known);
      } catch (err) {
        this.onError(err);
      }
    });
  }

  /** The leader's changes, for the other replicas. */
  publish(entries: BoardEntry[]): Promise<void> {
    if (entries.length === 0 || !this.leader) return Promise.resolve();
    return this.board.publish(this.account, entries).catch(this.onError);
  }

  /** Asks the leader (wherever it runs) to poll now. */
  nudgeLeader(): void {
    if (this.leader) this.watcher.nudge();
    else void this.board.note(this.account, 'n').catch(this.onError);
  }

  /** The last stream left or the replica drains: give the account up at once. */
  stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.unlisten?.();
    const wasLeader = this.leader;
    this.leader = false;
    return this.board.trackLeaving(
      this.account,
      this.chain
        .then(async () => {
          await this.board.leave(this.account);
          if (wasLeader) await this.board.note(this.account, 'l');
        })
        .catch(this.onError),
    );
  }

  private onNote(note: WatchNote): void {
    if (note.a !== this.account || note.f === this.board.replica || this.stopped) return;
    switch (note.k) {
      case 'c':
        if (!this.leader && note.o)
          void this.board
            .read(this.account, note.o)
            .then((entries) => this.watcher.receive(entries), this.onError);
        break;
      case 'w':
        if (this.leader)
          void this.serial(async () =>
            this.watcher.setRemote(await this.board.watchedElsewhere(this.account)),
          ).catch(this.onError);
        break;
      case 'l':
        void this.heartbeat();
        break;
      case 'n':
        if (this.leader) this.watcher.nudge();
        break;
    }
  }

  /** After missed notes: re-read every published state this replica's streams watch. */
  private async resync(): Promise<void> {
    if (this.leader || this.stopped) return;
    const ids = this.watcher.localIds();
    const entries = await this.board
      .read(
        this.account,
        ids.filter((id) => id !== RUNNING_SCOPE_ID),
      )
      .catch((err: unknown) => (this.onError(err), []));
    this.watcher.receive(entries);
  }

  private setLeader(leading: boolean): void {
    if (leading === this.leader) return;
    this.leader = leading;
    this.watcher.setLeader(leading);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
