import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { ActionError } from '@/lib/action';
import type { GandiConnection } from '@/lib/gandi/types';
import { startSimulator, type Simulator } from '@/simulator';

export interface SimulatorPerFile {
  /** The file's in-process simulator (set before the first test). */
  sim: Simulator;
  /** A fresh account's connection, new for each test: nothing leaks between tests. */
  conn: GandiConnection;
  /** With `clocked`: moves the simulator's clock (by default past every WAIT (1 s) and RUN (3 s)). */
  advance(ms?: number): void;
  /** Another account's connection (for what must not reach across accounts). */
  another(): GandiConnection;
  /** VMs made for this test's account (in datacenter 4 unless said). */
  vms(count: number, datacenterId?: number): number[];
}

/**
 * For a test file of code that calls the API: one in-process simulator over real HTTP for the
 * file and a fresh account before each test. Its operations complete at the next request, or,
 * `clocked`, only when `advance` moves its hand-driven clock (so each step can be observed).
 */
export function simulatorPerFile({ clocked = false } = {}): SimulatorPerFile {
  let clock = Date.parse('2026-11-27T12:00:00Z');
  const account = (): GandiConnection => ({
    endpoint: world.sim.url,
    apiKey: world.sim.control.createAccount().apiKey,
    timeoutMs: 10_000,
  });
  const world = {
    another: account,
    advance: (ms = 5_000) => {
      clock += ms;
    },
    vms: (count, datacenterId) =>
      world.sim.control.createVms({
        apiKey: world.conn.apiKey,
        count,
        ...(datacenterId === undefined ? {} : { datacenterId }),
      }).vmIds,
  } as SimulatorPerFile;
  beforeAll(async () => {
    world.sim = await startSimulator({
      port: 0,
      memory: true,
      quiet: true,
      ...(clocked ? { now: () => clock } : { instant: true }),
    });
  });
  afterAll(() => world.sim.close());
  beforeEach(() => {
    world.conn = account();
  });
  return world;
}

/** The `ActionError` a call was refused with; the test fails when it succeeded or failed otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<ActionError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ActionError);
  return err as ActionError;
}
