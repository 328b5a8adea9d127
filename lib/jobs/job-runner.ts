import type { Job, JobKind, JobQueue } from './job-queue';

/**
 * Runs the jobs of this replica: claims one at a time, keeps its lease alive while the handler
 * works, and records the end. `stop()` (SIGTERM) gives the job in hand back at once, so another
 * replica resumes it without waiting for the lease to expire.
 */
export interface JobContext {
  /** Records progress for a replica that may take the job over. */
  checkpoint(value: unknown): Promise<void>;
  /** Aborted when the lease is lost or the replica stops: end without finishing. */
  signal: AbortSignal;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  owner: string;
  pollMs: number;
  heartbeatMs: number;
  /** Jobs run at once (a long wait for one job's operations does not hold the others). */
  concurrency?: number;
  /** A handler's error, described for the job row (never a secret). */
  describe: (error: unknown) => string;
  onFailure?: (kind: string) => void;
}

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly inHand = new Map<string, AbortController>();
  private stopped = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Record<string, JobHandler | JobKind>,
    private readonly options: JobRunnerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks for work now (after enqueueing on this replica). */
  wake(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Claims and runs one job; false when there was none. */
  async runOnce(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    await this.runClaimed(job);
    return true;
  }

  private claim(): Promise<Job | null> {
    return this.queue.claim(this.options.owner, Object.keys(this.handlers));
  }

  private async runClaimed(job: Job): Promise<void> {
    const entry = this.handlers[job.kind]!;
    const { run, ended } = typeof entry === 'function' ? { run: entry, ended: undefined } : entry;
    const controller = new AbortController();
    this.inHand.set(job.id, controller);
    const heartbeat = setInterval(() => {
      void this.queue
        .heartbeat(job.id, this.options.owner)
        .then((mine) => {
          if (!mine) controller.abort();
        })
        // Storage unreachable for a moment: the next beat tries again (the lease is 3 beats).
        .catch(() => undefined);
    }, this.options.heartbeatMs);
    try {
      await run(job, {
        checkpoint: async (value) => {
          if (!(await this.queue.checkpoint(job.id, this.options.owner, value))) controller.abort();
        },
        signal: controller.signal,
      });
      if (!controller.signal.aborted) {
        await this.queue.complete(job.id, this.options.owner, ended?.(job.payload));
      }
    } catch (error) {
      // Stopped or lease lost: the job is someone else's (or nobody's until its lease expires).
      if (!controller.signal.aborted) {
        const why = this.options.describe(error);
        await this.queue.fail(job.id, this.options.owner, why, ended?.(job.payload));
        this.options.onFailure?.(job.kind);
      }
    } finally {
      clearInterval(heartbeat);
      this.inHand.delete(job.id);
    }
  }

  /** Stops claiming, aborts the jobs in hand and gives them back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const held = [...this.inHand];
    await Promise.all(
      held.map(async ([id, controller]) => {
        controller.abort();
        await this.queue.release(id, this.options.owner);
      }),
    );
  }

  private schedule(wait: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drainQueue().finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.options.pollMs);
      });
    }, wait);
    this.timer.unref?.();
  }

  /** Claims jobs up to the concurrency; each one's end looks for more. */
  private async drainQueue(): Promise<void> {
    try {
      while (!this.stopped && this.inHand.size < (this.options.concurrency ?? 1)) {
        const job = await this.claim();
        if (!job) return;
        void this.runClaimed(job)
          .catch(() => undefined)
          .finally(() => this.wake());
      }
    } catch {
      // Storage unreachable: try again on the next tick.
    }
  }
}
