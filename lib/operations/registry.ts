import 'server-only';
import { operationList } from '@/lib/gandi';
import { panelMetrics } from '@/lib/observability/metrics';
import { DEFAULT_TIMINGS, timerScheduler, WatcherRegistry } from './watcher';

/** The process-wide registry (on globalThis so dev-mode module reloads do not fork it). */
const holder = globalThis as typeof globalThis & { __operationWatchers?: WatcherRegistry };

export const operationWatchers = (holder.__operationWatchers ??= new WatcherRegistry({
  operationList: (conn, options) => {
    panelMetrics().watcherPolls.inc();
    return operationList(conn, options);
  },
  schedule: timerScheduler,
  timings: DEFAULT_TIMINGS,
}));
