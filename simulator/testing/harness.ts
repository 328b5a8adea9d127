import { DEMO_API_KEY } from '../accounts';
import { startSimulator, type Simulator, type SimulatorOptions } from '../index';
import { client } from './client';

/** An in-process simulator on a free port with a hand-driven clock (starts 2026-01-01T00:00:00Z). */
export async function startWithClock(options: SimulatorOptions = {}) {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const sim: Simulator = await startSimulator({
    port: 0,
    memory: true,
    quiet: true,
    now: () => clock.now,
    ...options,
  });
  const { call, fault } = client(sim.url);
  const demo = (method: string, ...params: unknown[]) => call(method, DEMO_API_KEY, ...params);
  return {
    sim,
    clock,
    call,
    fault,
    demo,
    advance: (ms: number) => void (clock.now += ms),
    close: () => sim.close(),
  };
}

export type Harness = Awaited<ReturnType<typeof startWithClock>>;

export interface OpStruct {
  id: number;
  type: string;
  step: string;
  vm_id: number | null;
  disk_id: number | null;
  iface_id: number | null;
  eta?: number;
  last_error?: string | null;
  params?: Record<string, unknown>;
}

export const VM_SPEC = {
  datacenter_id: 4,
  hostname: 'app01',
  memory: 512,
  cores: 1,
  ip_version: 4,
  bandwidth: 102400,
  password: 'long-enough-pw',
};
/** Debian 8 in FR-SD3: the recorded image disk. */
export const DEBIAN8_FR_SD3 = 17945187;
