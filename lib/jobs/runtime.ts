import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { panelMetrics } from '@/lib/observability/metrics';
import { onDrain } from '@/lib/server/lifecycle';
import { sharedDb } from '@/lib/shared-state';
import { findEndpoint } from '@/lib/endpoints';
import { getEnv } from '@/lib/env';
import { APPROVAL_CONTINUE, runApprovalJob } from './approval-job';
import { BULK_VM_DELETE, bulkDeleteJob } from './bulk-delete-job';
import { JobQueue } from './job-queue';
import { JobRunner } from './job-runner';

/** A dead replica's job is taken over this long after its last heartbeat. */
const LEASE_MS = 30_000;

const holder = globalThis as typeof globalThis & {
  __jobs?: Promise<{ queue: JobQueue; runner: JobRunner }>;
};

/**
 * This replica's queue and runner, started on first use (any request that checks a session, the
 * readiness probe, an enqueue): a replica that restarted picks up abandoned jobs as soon as it
 * serves anything.
 */
export function jobs(): Promise<{ queue: JobQueue; runner: JobRunner }> {
  if (holder.__jobs) return holder.__jobs;
  const created = (async () => {
    const queue = new JobQueue(await sharedDb(), { leaseMs: LEASE_MS });
    const runner = new JobRunner(
      queue,
      {
        [APPROVAL_CONTINUE]: runApprovalJob,
        [BULK_VM_DELETE]: bulkDeleteJob({
          sessionPassword: getEnv().sessionPassword,
          endpointUrl: (id) => findEndpoint(id)?.url,
          personalSessionLive: async (id, account) => {
            const { personalSessions } = await import('@/lib/shared-state/runtime');
            return (await personalSessions()).isLive(id, account);
          },
          teamStore: async () => (await import('@/lib/team/runtime')).getTeamStore(),
          intervalMs: 1_000,
        }),
      },
      {
        owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
        pollMs: 1_000,
        heartbeatMs: LEASE_MS / 3,
        concurrency: 4,
        describe: (error) => (error instanceof Error ? error.message : 'The job failed.'),
        onFailure: (kind) => panelMetrics().jobFailures.inc({ kind }),
      },
    );
    runner.start();
    onDrain(() => runner.stop());
    return { queue, runner };
  })();
  holder.__jobs = created;
  created.catch(() => {
    if (holder.__jobs === created) holder.__jobs = undefined;
  });
  return created;
}

/** Starts the runner if it is not running (never throws: storage trouble is retried later). */
export function ensureJobRunner(): void {
  void jobs().catch(() => undefined);
}

export async function enqueueJob(
  kind: string,
  payload: unknown,
  dedupeKey: string,
): Promise<string> {
  const { queue, runner } = await jobs();
  const id = await queue.enqueue(kind, payload, dedupeKey);
  runner.wake();
  return id;
}

/** Queue depth for /metrics. */
export async function refreshJobQueueDepth(): Promise<void> {
  const { queue } = await jobs();
  const depth = await queue.depth();
  const gauge = panelMetrics().jobQueueDepth;
  gauge.set({ state: 'queued' }, depth.queued);
  gauge.set({ state: 'running' }, depth.running);
}
