/** The console DAL against the in-process simulator over real HTTP, with a hand-driven clock. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionError } from '@/lib/action';
import { vmIfaceDetach, vmInfo } from '@/lib/gandi';
import { startSimulator, type Simulator } from '@/simulator';
import type { GandiConnection } from '@/lib/gandi/types';
import { getConsoleViewOrNotFound, setConsole, setRootPassword } from './console';

let sim: Simulator;
let clock = Date.parse('2026-11-27T12:00:00Z');
const advance = () => {
  clock += 5_000;
};
let conn: GandiConnection;
let vmId: number;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, quiet: true, now: () => clock });
});
afterAll(() => sim.close());
beforeEach(() => {
  conn = { endpoint: sim.url, apiKey: sim.control.createAccount().apiKey, timeoutMs: 10_000 };
  const [id] = sim.control.createVms({ apiKey: conn.apiKey, count: 1 }).vmIds;
  if (id === undefined) throw new Error('no VM');
  vmId = id;
});

async function actionError(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ActionError);
  return (err as ActionError).message;
}

describe('emergency console', () => {
  it('is off at first; the view knows the public IPv4 and builds no command yet', async () => {
    const view = await getConsoleViewOrNotFound(conn, vmId);
    expect(view.vm.console).toBe(false);
    expect(view.ipv4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(view.command).toBe(`ssh ${view.ipv4}@console.gandi.net`);
    expect(view.prerequisites.map((p) => p.status)).toEqual(['met', 'unknown']);
    expect(view.pendingUpdateIds).toEqual([]);
  });

  it('enables through a vm_update, followed until it is done, then disables', async () => {
    const change = await setConsole(conn, vmId, true);
    expect(change.enabling).toBe(true);
    expect(change.operations).toEqual([{ id: expect.any(Number), type: 'vm_update' }]);
    expect((await getConsoleViewOrNotFound(conn, vmId)).pendingUpdateIds).toEqual([
      change.operations[0]?.id,
    ]);
    advance();
    const view = await getConsoleViewOrNotFound(conn, vmId);
    expect(view.vm.console).toBe(true);
    expect(view.pendingUpdateIds).toEqual([]);

    expect(await actionError(setConsole(conn, vmId, true))).toBe('The console is already enabled.');
    await setConsole(conn, vmId, false);
    advance();
    expect((await getConsoleViewOrNotFound(conn, vmId)).vm.console).toBe(false);
    expect(await actionError(setConsole(conn, vmId, false))).toBe(
      'The console is already disabled.',
    );
  });

  it('refuses to enable on a VM without a public IPv4, and shows no command', async () => {
    const vm = await vmInfo(conn, vmId);
    for (const iface of vm.ifaces) await vmIfaceDetach(conn, vmId, iface.id);
    advance();
    const view = await getConsoleViewOrNotFound(conn, vmId);
    expect(view.ipv4).toBeNull();
    expect(view.command).toBeNull();
    expect(view.prerequisites[0]?.status).toBe('missing');
    expect(await actionError(setConsole(conn, vmId, true))).toMatch(/no public IPv4 address/);
  });

  it('sets the root password through vm_update', async () => {
    const started = await setRootPassword(conn, vmId, 'correct-horse-1');
    expect(started.operations[0]?.type).toBe('vm_update');
  });

  it('turns an unknown VM into a 404', async () => {
    await expect(getConsoleViewOrNotFound(conn, 999_999_999)).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
  });
});
