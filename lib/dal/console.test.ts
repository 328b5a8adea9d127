/** The console DAL against the in-process simulator over real HTTP, with a hand-driven clock. */
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal, simulatorPerFile } from '@/lib/testing/simulator-per-file';
import { vmIfaceDetach, vmInfo } from '@/lib/gandi';
import { getConsoleViewOrNotFound, setConsole, setRootPassword } from './console';

const api = simulatorPerFile({ clocked: true });
let vmId: number;
beforeEach(() => {
  const [id] = api.vms(1);
  if (id === undefined) throw new Error('no VM');
  vmId = id;
});

const actionError = async (promise: Promise<unknown>) => (await refusal(promise)).message;

describe('emergency console', () => {
  it('is off at first; the view knows the public IPv4 and builds no command yet', async () => {
    const view = await getConsoleViewOrNotFound(api.conn, vmId);
    expect(view.vm.console).toBe(false);
    expect(view.ipv4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(view.command).toBe(`ssh ${view.ipv4}@console.gandi.net`);
    expect(view.prerequisites.map((p) => p.status)).toEqual(['met', 'unknown']);
    expect(view.pendingUpdateIds).toEqual([]);
  });

  it('enables through a vm_update, followed until it is done, then disables', async () => {
    const change = await setConsole(api.conn, vmId, true);
    expect(change.enabling).toBe(true);
    expect(change.operations).toEqual([{ id: expect.any(Number), type: 'vm_update' }]);
    expect((await getConsoleViewOrNotFound(api.conn, vmId)).pendingUpdateIds).toEqual([
      change.operations[0]?.id,
    ]);
    api.advance();
    const view = await getConsoleViewOrNotFound(api.conn, vmId);
    expect(view.vm.console).toBe(true);
    expect(view.pendingUpdateIds).toEqual([]);

    expect(await actionError(setConsole(api.conn, vmId, true))).toBe(
      'The console is already enabled.',
    );
    await setConsole(api.conn, vmId, false);
    api.advance();
    expect((await getConsoleViewOrNotFound(api.conn, vmId)).vm.console).toBe(false);
    expect(await actionError(setConsole(api.conn, vmId, false))).toBe(
      'The console is already disabled.',
    );
  });

  it('refuses to enable on a VM without a public IPv4, and shows no command', async () => {
    const vm = await vmInfo(api.conn, vmId);
    for (const iface of vm.ifaces) await vmIfaceDetach(api.conn, vmId, iface.id);
    api.advance();
    const view = await getConsoleViewOrNotFound(api.conn, vmId);
    expect(view.ipv4).toBeNull();
    expect(view.command).toBeNull();
    expect(view.prerequisites[0]?.status).toBe('missing');
    expect(await actionError(setConsole(api.conn, vmId, true))).toMatch(/no public IPv4 address/);
  });

  it('sets the root password through vm_update', async () => {
    const started = await setRootPassword(api.conn, vmId, 'correct-horse-1');
    expect(started.operations[0]?.type).toBe('vm_update');
  });

  it('turns an unknown VM into a 404', async () => {
    await expect(getConsoleViewOrNotFound(api.conn, 999_999_999)).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
  });
});
