/**
 * The bulk VM delete job against real parts, on SQLite and PostgreSQL: the in-process simulator
 * over HTTP, the job queue on the test database, the team store and its gate (team-world). A
 * "dead replica" is a runner whose handler is cut off right after a step was sent: its lease is
 * never released, and another runner takes the job over once it expires.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { operationList, vmDelete, vmInfo, vmStop, waitForOperations } from '@/lib/gandi';
import { withSharedTables } from '@/lib/shared-state/db';
import { openTeamWorld, type TeamWorld } from '@/lib/team/testing/team-world';
import { TEST_BACKENDS } from '@/lib/team/testing/test-db';
import { listAudit } from '@/lib/team/store/audit-store';
import { BULK_VM_DELETE, bulkDeleteJob, type BulkDeletePayload } from './bulk-delete-job';
import { JobQueue, type JobKind } from './job-queue';
import { JobRunner } from './job-runner';
import { sealJobApiKey } from './personal-key-seal';

const SECRET = 'test-only-session-password-0123456789abcdef';
const LEASE_MS = 30_000;

describe.each(TEST_BACKENDS)('the bulk VM delete job on %s', (backend) => {
  let world: TeamWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  async function setup(options: { sessionLive?: () => boolean } = {}) {
    world = await openTeamWorld(backend);
    const { sim, store } = world;
    const clock = { now: 50_000_000 };
    const queue = new JobQueue(withSharedTables(world.db.db), {
      leaseMs: LEASE_MS,
      now: () => clock.now,
    });
    const kind = bulkDeleteJob({
      sessionPassword: SECRET,
      endpointUrl: (id) => (id === 'simulator' ? sim.url : undefined),
      personalSessionLive: async (id) => id === 'sess-1' && (options.sessionLive?.() ?? true),
      teamStore: async () => store,
      intervalMs: 5,
    });
    const runner = (owner: string) =>
      new JobRunner(
        queue,
        { [BULK_VM_DELETE]: kind },
        {
          owner,
          pollMs: 1_000,
          heartbeatMs: 60_000,
          describe: (e) => (e instanceof Error ? e.message : 'failed'),
        },
      );
    return { sim, queue, clock, kind, runner };
  }

  function personalPayload(apiKey: string, vmIds: number[], key = 'k'.repeat(24)) {
    return {
      key,
      vmIds,
      by: {
        kind: 'personal',
        endpointId: 'simulator',
        handle: 'AB1234-GANDI',
        sessionId: 'sess-1',
        sealedKey: sealJobApiKey(SECRET, key, apiKey),
      },
    } satisfies BulkDeletePayload;
  }

  /** Runs the job as a replica that dies right after `when` holds for a recorded checkpoint. */
  async function dieAfter(queue: JobQueue, kind: JobKind, when: (checkpoint: string) => boolean) {
    const job = await queue.claim('doomed', [BULK_VM_DELETE]);
    if (!job) throw new Error('nothing to claim');
    const controller = new AbortController();
    await kind
      .run(job, {
        signal: controller.signal,
        checkpoint: async (value) => {
          await queue.checkpoint(job.id, 'doomed', value);
          if (when(JSON.stringify(value))) controller.abort();
        },
      })
      .catch(() => undefined);
    expect(controller.signal.aborted).toBe(true);
    return job.id;
  }

  const types = async (conn: { endpoint: string; apiKey: string }, vmId: number) =>
    (await operationList(conn, { vm_id: vmId })).map((op) => op.type).sort();

  it('a runner that dies after the stop: another one resumes, does not stop again, and deletes', async () => {
    const { sim, queue, clock, kind, runner } = await setup();
    const { apiKey } = sim.control.createAccount();
    const conn = { endpoint: sim.url, apiKey };
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const id = await queue.enqueue(BULK_VM_DELETE, personalPayload(apiKey, [vmId]), 'bulk:a');

    await dieAfter(queue, kind, (cp) => cp.includes('"phase":"stopping"'));
    expect(await types(conn, vmId)).toEqual(['vm_stop']);
    // Its lease still runs: nobody else may take the job yet.
    expect(await runner('survivor').runOnce()).toBe(false);
    clock.now += LEASE_MS + 1;
    expect(await runner('survivor').runOnce()).toBe(true);

    await expect(vmInfo(conn, vmId)).rejects.toMatchObject({ causeName: 'CAUSE_NOTFOUND' });
    expect(await types(conn, vmId)).toEqual(['vm_delete', 'vm_stop']);
    const row = await queue.get(id);
    expect(row).toMatchObject({ state: 'done', attempts: 2 });
    const [stop] = await operationList(conn, { vm_id: vmId, type: 'vm_stop' });
    expect(JSON.parse(row!.checkpoint!)).toMatchObject({
      items: { [vmId]: { state: 'deleted', phase: 'deleting', stopIds: [stop!.id] } },
    });
    // Once ended the row keeps no key, not even sealed.
    expect(JSON.parse(row!.payload).by).not.toHaveProperty('sealedKey');
    expect(row!.payload).not.toContain(apiKey);
  });

  it('a delete sent before the crash but never recorded is followed, not sent again', async () => {
    const { sim, queue, clock, kind, runner } = await setup();
    const { apiKey } = sim.control.createAccount();
    const conn = { endpoint: sim.url, apiKey };
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const id = await queue.enqueue(BULK_VM_DELETE, personalPayload(apiKey, [vmId]), 'bulk:b');

    // The dead replica stopped the VM, then sent its delete and died before recording it.
    await dieAfter(queue, kind, (cp) => cp.includes('"phase":"stopping"'));
    const stops = (await operationList(conn, { type: 'vm_stop' })).map((op) => op.id);
    await waitForOperations(conn, stops, { intervalMs: 5 });
    const sent = await vmDelete(conn, vmId);
    clock.now += LEASE_MS + 1;
    expect(await runner('survivor').runOnce()).toBe(true);

    expect(await types(conn, vmId)).toEqual(['vm_delete', 'vm_stop']);
    await expect(vmInfo(conn, vmId)).rejects.toMatchObject({ causeName: 'CAUSE_NOTFOUND' });
    expect(JSON.parse((await queue.get(id))!.checkpoint!).items[vmId]).toMatchObject({
      state: 'deleted',
      operationIds: [sent.id],
      stopIds: [expect.any(Number)],
    });
  });

  it('a VM already gone is done; a VM stopped by someone else is deleted without a stop', async () => {
    const { sim, queue, runner } = await setup();
    const { apiKey } = sim.control.createAccount();
    const conn = { endpoint: sim.url, apiKey };
    const [gone, halted] = sim.control.createVms({ apiKey, count: 2 }).vmIds as [number, number];
    const id = await queue.enqueue(BULK_VM_DELETE, personalPayload(apiKey, [gone, halted]), 'b:c');
    await waitForOperations(
      conn,
      [(await vmStop(conn, gone)).id, (await vmStop(conn, halted)).id],
      {
        intervalMs: 5,
      },
    );
    await waitForOperations(conn, [(await vmDelete(conn, gone)).id], { intervalMs: 5 });

    expect(await runner('r').runOnce()).toBe(true);
    expect(await types(conn, halted)).toEqual(['vm_delete', 'vm_stop']);
    const items = JSON.parse((await queue.get(id))!.checkpoint!).items;
    expect(items[gone]).toMatchObject({ state: 'deleted' });
    expect(items[halted]).toMatchObject({ state: 'deleted', stopIds: [] });
  });

  it('a sealed key copied into another job does not open there; nothing is sent', async () => {
    const { sim, queue, runner } = await setup();
    const { apiKey } = sim.control.createAccount();
    const conn = { endpoint: sim.url, apiKey };
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const stolen = personalPayload(apiKey, [vmId]).by.sealedKey;
    const forged = { ...personalPayload(apiKey, [vmId], 'x'.repeat(24)) };
    forged.by.sealedKey = stolen;
    const id = await queue.enqueue(BULK_VM_DELETE, forged, 'bulk:forged');

    expect(await runner('r').runOnce()).toBe(true);
    const row = await queue.get(id);
    expect(row).toMatchObject({ state: 'failed' });
    expect(row!.error).toMatch(/cannot be decrypted/);
    expect(await types(conn, vmId)).toEqual([]);
  });

  it('a personal session ended before the job ran: nothing is sent', async () => {
    let live = false;
    const { sim, queue, runner } = await setup({ sessionLive: () => live });
    const { apiKey } = sim.control.createAccount();
    const conn = { endpoint: sim.url, apiKey };
    const [vmId] = sim.control.createVms({ apiKey, count: 1 }).vmIds as [number];
    const id = await queue.enqueue(BULK_VM_DELETE, personalPayload(apiKey, [vmId]), 'bulk:e');
    expect(await runner('r').runOnce()).toBe(true);
    expect(JSON.parse((await queue.get(id))!.checkpoint!).items[vmId]).toMatchObject({
      state: 'failed',
      message: 'Not run: the session that asked for it has ended.',
    });
    expect(await types(conn, vmId)).toEqual([]);
    live = true;
  });

  it("a team member's items are decided again by the gate when the job runs", async () => {
    const { queue, runner } = await setup();
    const { workspaceId, conn, members } = await world!.workspace();
    const { sim, store } = world!;
    const [own, lowered] = sim.control.createVms({ apiKey: conn.apiKey, count: 2 }).vmIds as [
      number,
      number,
    ];
    const operator = members.operator;
    for (const vmId of [own, lowered]) {
      await store.recordOwner(workspaceId, { kind: 'vm', id: vmId }, operator.memberId);
    }
    const by = { kind: 'team', workspaceId, memberId: operator.memberId } as const;
    const first = await queue.enqueue(
      BULK_VM_DELETE,
      { key: 'a'.repeat(24), vmIds: [own], by },
      'bulk:t1',
    );
    expect(await runner('r').runOnce()).toBe(true);
    expect(JSON.parse((await queue.get(first))!.checkpoint!).items[own]).toMatchObject({
      state: 'deleted',
      stopIds: [expect.any(Number)],
    });
    const audit = await listAudit(world!.db.db, workspaceId);
    expect(
      audit
        .filter((entry) => entry.resource === `vm:${own}`)
        .map((entry) => [entry.action, entry.memberId, entry.result]),
    ).toEqual(
      expect.arrayContaining([
        ['vm.stop', operator.memberId, 'ok'],
        ['vm.delete', operator.memberId, 'ok'],
      ]),
    );

    // Queued as an operator, lowered to viewer before it ran: refused, the VM keeps running.
    const second = await queue.enqueue(
      BULK_VM_DELETE,
      { key: 'b'.repeat(24), vmIds: [lowered], by },
      'bulk:t2',
    );
    await store.setRole(workspaceId, operator.memberId, 'viewer');
    expect(await runner('r').runOnce()).toBe(true);
    expect(JSON.parse((await queue.get(second))!.checkpoint!).items[lowered]).toMatchObject({
      state: 'failed',
    });
    expect((await vmInfo(conn, lowered)).state).toBe('running');
    expect(await types(conn, lowered)).toEqual([]);
  });
});
