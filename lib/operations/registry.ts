import 'server-only';
import { randomUUID } from 'node:crypto';
import { GandiError, operationList } from '@/lib/gandi';
import { log } from '@/lib/observability/log';
import { panelMetrics } from '@/lib/observability/metrics';
import { onDrain } from '@/lib/server/lifecycle';
import { DEFAULT_TIMINGS } from './poll-plan';
import { ReplicaLink } from './replica-link';
import { WatchBoard } from './watch-board';
import { timerScheduler, WatcherRegistry } from './watcher-registry';

/** A lease outlives a few missed heartbeats (1 s), and moves within this long of a crash. */
const LEASE_MS = 4_000;

/**
 * The process-wide registry (on globalThis so dev-mode module reloads do not fork it). With
 * PostgreSQL (DATABASE_URL, any number of replicas) each account's watcher is linked to the other
 * replicas through the database; with the SQLite file there is one process and it watches alone.
 */
const holder = globalThis as typeof globalThis & {
  __operationWatchers?: WatcherRegistry;
  __operationWatchBoard?: { board: WatchBoard | null; ready: Promise<void> | null };
};

const shared = (holder.__operationWatchBoard ??= { board: null, ready: null });

export const operationWatchers = (holder.__operationWatchers ??= new WatcherRegistry({
  operationList: (conn, options) => {
    panelMetrics().watcherPolls.inc();
    return operationList(conn, options);
  },
  schedule: timerScheduler,
  timings: DEFAULT_TIMINGS,
  // What failed and how, never the message (the key is redacted there, but the rule is simpler).
  onPollFailure: (err, retryInMs) =>
    log().warn(
      {
        err: err instanceof GandiError ? err.kind : err instanceof Error ? err.name : 'unknown',
        faultCode: err instanceof GandiError ? err.faultCode : undefined,
        retryInMs,
      },
      'operation watcher poll failed',
    ),
  link: (account, watcher) =>
    shared.board
      ? new ReplicaLink(
          shared.board,
          account,
          watcher,
          timerScheduler,
          undefined,
          Date.now,
          (err) =>
            log().warn(
              { err: err instanceof Error ? err.name : 'unknown' },
              'operation watch link',
            ),
        )
      : null,
}));

/**
 * Opens the board once (PostgreSQL only) before the first stream subscribes. Storage trouble leaves
 * this replica watching alone (more upstream calls, streams still live) and is retried next time.
 */
export function operationWatchersReady(): Promise<void> {
  shared.ready ??= openBoard().then(
    (board) => {
      shared.board = board;
      if (board) onDrain(() => operationWatchers.stopAll());
    },
    (err: unknown) => {
      shared.ready = null;
      log().warn({ err: err instanceof Error ? err.name : 'unknown' }, 'operation watch board');
    },
  );
  return shared.ready;
}

async function openBoard(): Promise<WatchBoard | null> {
  const { getTeamDb, teamDbConfig } = await import('@/lib/team/db');
  const config = teamDbConfig();
  if (config.kind !== 'postgres') return null;
  const { db } = await getTeamDb();
  const { PgNotifier } = await import('./pg-notifier');
  const notifier = new PgNotifier(config.url, db);
  await notifier.ready();
  return new WatchBoard(db, notifier, randomUUID(), { leaseMs: LEASE_MS });
}
