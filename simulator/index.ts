import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createControl, type SimControl } from './control';
import { createRequestHandler } from './http-server';
import { Persistence } from './state/persist';
import { seed } from './state/seed';
import { Sim, type SimTiming } from './state/sim';
import type { Store } from './state/store';

export { DEMO_API_KEY, NO_CREDITS_API_KEY, OTHER_API_KEY } from './accounts';
export type { SimControl } from './control';

export interface SimulatorOptions {
  /** Interface to bind (default loopback). */
  host?: string;
  /** Port (default 8080; 0 = any free port). */
  port?: number;
  /** Where state persists (default `.data/simulator`). */
  dataDir?: string;
  /** Keep nothing on disk. */
  memory?: boolean;
  /** Operation speed factor (2 = twice as fast). Default 1: ~1 s WAIT + ~3 s RUN per operation. */
  speed?: number;
  /** Operations complete at the next request (unit tests). */
  instant?: boolean;
  /** Injectable clock in epoch ms (default Date.now). */
  now?: () => number;
  /** No informational log lines on stderr (internal errors are always logged). */
  quiet?: boolean;
}

export interface Simulator {
  /** `http://HOST:PORT/xmlrpc/` */
  url: string;
  port: number;
  host: string;
  control: SimControl;
  close(): Promise<void>;
}

export const BASE_WAIT_MS = 1000;
export const BASE_RUN_MS = 3000;

export function timingFor(options: Pick<SimulatorOptions, 'speed' | 'instant'>): SimTiming {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error('speed must be a positive number');
  if (options.instant) return { waitMs: 0, runMs: 0, creditSpeed: speed };
  return {
    waitMs: Math.round(BASE_WAIT_MS / speed),
    runMs: Math.round(BASE_RUN_MS / speed),
    creditSpeed: speed,
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.now ?? Date.now;
  const timing = timingFor(options);
  const persistence = options.memory
    ? null
    : new Persistence(path.resolve(options.dataDir ?? '.data/simulator'));
  const loaded = persistence?.load() ?? null;
  let sim = new Sim(clock, timing, loaded ?? undefined);
  if (!loaded) {
    seed(sim);
    persistence?.compact(sim.store);
  }
  if (!options.quiet) {
    // stderr, so that stdout stays the two lines the CLI promises.
    const where = persistence ? persistence.dir : 'memory only';
    console.error(`simulator: ${loaded ? 'loaded state from' : 'seeded a new state in'} ${where}`);
  }
  sim.store.markClean();

  // After a failed write the memory holds changes nobody was told about: it is replaced by what
  // the disk holds (the last acknowledged state) before anything else is answered.
  let stale = false;
  const reloadFromDisk = (): void => {
    if (!persistence) return;
    stale = true;
    const store = persistence.reload();
    sim = new Sim(clock, timing, store ?? undefined);
    if (!store) seed(sim);
    sim.store.markClean();
    stale = false;
  };
  const current = (): Sim => {
    if (stale) reloadFromDisk();
    return sim;
  };
  const persist = (): void => {
    if (!sim.store.hasChanges()) return;
    if (!persistence) {
      sim.store.markClean();
      return;
    }
    try {
      persistence.append(sim.store.takeChanges(), sim.store);
    } catch (error) {
      stale = true;
      try {
        reloadFromDisk();
      } catch {
        // Still failing: the next request tries again (and fails with HTTP 500 meanwhile).
      }
      throw error;
    }
  };
  const control = createControl(current, (store: Store) => {
    const previous = sim;
    sim = new Sim(clock, timing, store);
    if (!persistence) return;
    try {
      persistence.compact(store);
    } catch (error) {
      sim = previous;
      stale = true;
      throw error;
    }
  });
  const inProcessControl: SimControl = {
    reset: () => control.reset(),
    createAccount: (input) => withPersist(() => control.createAccount(input)),
    createVms: (input) => withPersist(() => control.createVms(input)),
    failNext: (input) => withPersist(() => control.failNext(input)),
    calls: (input) => control.calls(input),
    slow: (input) => control.slow(input),
  };
  function withPersist<T>(fn: () => T): T {
    const result = fn();
    persist();
    return result;
  }

  const server = http.createServer(
    { keepAliveTimeout: 30_000 },
    createRequestHandler({ sim: current, control, persist }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/xmlrpc/`,
    port,
    host,
    control: inProcessControl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          persistence?.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
