/**
 * The migration DAL against the in-process simulator over real HTTP, with a hand-driven clock so
 * each inner step (wait_sync → wait_finalize → finalize → DONE) can be observed and acted on.
 */
import { describe, expect, it } from 'vitest';
import { refusal, simulatorPerFile } from '@/lib/testing/simulator-per-file';
import {
  finalizeMigration,
  getMigrationView,
  getMigrationViewOrNotFound,
  startMigration,
} from './migration';

const api = simulatorPerFile({ clocked: true });

function vmIn(datacenterId: number): number {
  const [id] = api.vms(1, datacenterId);
  if (id === undefined) throw new Error('no VM');
  return id;
}

const actionError = async (promise: Promise<unknown>) => (await refusal(promise)).message;

describe('migration view', () => {
  it('names the current and target datacenters before any migration', async () => {
    const view = await getMigrationView(api.conn, vmIn(1));
    expect(view.datacenter).toMatchObject({ id: 1, code: 'FR-SD2' });
    expect(view.targets).toEqual([{ id: 4, code: 'FR-SD3', name: 'Paris, France SD3' }]);
    expect(view.refusal).toBeNull();
    expect(view.migration).toBeNull();
  });

  it('refuses a VM whose datacenter has no target, with the reason', async () => {
    const vmId = vmIn(4);
    const view = await getMigrationView(api.conn, vmId);
    expect(view.targets).toEqual([]);
    expect(view.refusal).toBe('This VM cannot be migrated from its datacenter.');
    expect(await actionError(startMigration(api.conn, vmId))).toBe(view.refusal);
  });

  it('turns an unknown VM into a 404', async () => {
    await expect(getMigrationViewOrNotFound(api.conn, 999_999_999)).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
  });
});

describe('migration with finalize', () => {
  it('copies, waits for finalize, refuses it early, then moves the VM', async () => {
    const vmId = vmIn(1);
    const started = await startMigration(api.conn, vmId);
    const opId = started.operations[0]?.id;
    expect(started.operations).toEqual([{ id: opId, type: 'hosting_migration_vm' }]);

    let view = await getMigrationView(api.conn, vmId);
    expect(view.migration).toMatchObject({
      operationId: opId,
      phase: 'copying',
      from: { code: 'FR-SD2' },
      to: { code: 'FR-SD3' },
    });
    expect(view.refusal).toBe('A migration of this VM is already under way.');

    // A second start (another tab, a double click) follows the same migration.
    expect(await startMigration(api.conn, vmId)).toEqual(started);
    // Finalizing during the copy is refused here, not sent upstream.
    expect(await actionError(finalizeMigration(api.conn, vmId, opId ?? 0))).toMatch(
      /still being copied/,
    );

    api.advance();
    // The copy's operation is DONE; the migration waits as a second operation (gandi.cli's
    // `--finalize` looks for it in RUN).
    view = await getMigrationView(api.conn, vmId);
    expect(view.migration?.phase).toBe('ready-to-finalize');
    expect(view.migration?.step).toBe('RUN');
    const waitingId = view.migration?.operationId ?? 0;
    expect(waitingId).toBeGreaterThan(opId ?? 0);

    // A stale page's operation id (the copy's) is refused.
    expect(await actionError(finalizeMigration(api.conn, vmId, opId ?? 0))).toMatch(
      /no longer the current one/,
    );

    const finalized = await finalizeMigration(api.conn, vmId, waitingId);
    expect(finalized.operations[0]?.id).toBe(waitingId);
    view = await getMigrationView(api.conn, vmId);
    expect(view.migration?.phase).toBe('finalizing');
    expect(await actionError(finalizeMigration(api.conn, vmId, waitingId))).toMatch(
      /does not wait/,
    );

    api.advance();
    view = await getMigrationView(api.conn, vmId);
    expect(view.migration).toMatchObject({ phase: 'done', step: 'DONE' });
    expect(view.datacenter).toMatchObject({ id: 4, code: 'FR-SD3' });
    expect(view.vm.isMigrating).toBe(false);
  });

  it('a migration that fails after finalize shows as failed with the reason, and can start again', async () => {
    const vmId = vmIn(1);
    api.sim.control.failNext({ apiKey: api.conn.apiKey, type: 'hosting_migration_vm' });
    await startMigration(api.conn, vmId);
    api.advance();
    const waiting = (await getMigrationView(api.conn, vmId)).migration;
    expect(waiting?.phase).toBe('ready-to-finalize');
    await finalizeMigration(api.conn, vmId, waiting?.operationId ?? 0);
    api.advance();
    const view = await getMigrationView(api.conn, vmId);
    expect(view.migration).toMatchObject({ phase: 'failed', step: 'ERROR' });
    expect(view.migration?.lastError).toMatch(/Simulated failure/);
    expect(view.datacenter.code).toBe('FR-SD2');
    expect(view.refusal).toBeNull();
  });
});
