import type { Job, JobQueue } from './job-queue';

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
  /** A handler's error, described for the job row (never a secret). */
  describe: (error: unknown) => string;
  onFailure?: (kind: string) => void;
}

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private current: { job: Job; controller: AbortController } | null = null;
  private stopped = false;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Record<string, JobHandler>,
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
    const job = await this.queue.claim(this.options.owner, Object.keys(this.handlers));
    if (!job) return false;
    const controller = new AbortController();
    this.current = { job, controller };
    const heartbeat = setInterval(() => {
      void this.queue.heartbeat(job.id, this.options.owner).then((mine) => {
        if (!mine) controller.abort();
      });
    }, this.options.heartbeatMs);
    try {
      await this.handlers[job.kind]!(job, {
        checkpoint: async (value) => {
          if (!(await this.queue.checkpoint(job.id, this.options.owner, value))) controller.abort();
        },
        signal: controller.signal,
      });
      if (!controller.signal.aborted) await this.queue.complete(job.id, this.options.owner);
    } catch (error) {
      // Stopped or lease lost: the job is someone else's (or nobody's until its lease expires).
      if (!controller.signal.aborted) {
        await this.queue.fail(job.id, this.options.owner, this.options.describe(error));
        this.options.onFailure?.(job.kind);
      }
    } finally {
      clearInterval(heartbeat);
      this.current = null;
    }
    return true;
  }

  /** Stops claiming, aborts the job in hand and gives it back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const current = this.current;
    if (current) {
      current.controller.abort();
      await this.queue.release(current.job.id, this.options.owner);
    }
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

  private async drainQueue(): Promise<void> {
    try {
      while (!this.stopped && (await this.runOnce()));
    } catch {
      // Storage unreachable: try again on the next tick.
    }
  }
}
