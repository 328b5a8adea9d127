import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { BASE_RUN_MS, BASE_WAIT_MS } from './index';
import { startWithClock, type Harness, type OpStruct } from './testing/harness';

/** Objects busy with an operation refuse a second mutating call (CAUSE_PENDING), like `locked`. */
describe('busy objects', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startWithClock();
  });
  afterEach(() => h.close());

  const web01 = async () =>
    ((await h.demo('hosting.vm.list', { hostname: 'web01' })) as { id: number }[])[0]!.id;
  const settled = (results: PromiseSettledResult<unknown>[]) => ({
    ok: results.filter((r) => r.status === 'fulfilled').map((r) => r.value as OpStruct),
    faults: results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as { faultCode: number }).faultCode),
  });

  it('50 parallel vm.stop on one VM: one operation, 49 faults 530267, then the VM is halted', async () => {
    const vm = await web01();
    const { ok, faults } = settled(
      await Promise.allSettled(Array.from({ length: 50 }, () => h.demo('hosting.vm.stop', vm))),
    );
    expect(ok).toHaveLength(1);
    expect(faults).toEqual(Array.from({ length: 49 }, () => 530267));
    expect(await h.demo('operation.count', { vm_id: vm, type: 'vm_stop' })).toBe(1);
    h.advance(BASE_WAIT_MS + BASE_RUN_MS);
    expect((await h.demo('operation.info', ok[0]!.id)) as OpStruct).toMatchObject({ step: 'DONE' });
    expect(await h.demo('hosting.vm.info', vm)).toMatchObject({ state: 'halted' });
    // Once the stop has ended, the VM takes the next call.
    expect(((await h.demo('hosting.vm.start', vm)) as OpStruct).type).toBe('vm_start');
  });

  it('a second disk.delete is refused while the first runs, not accepted and then failed', async () => {
    const created = (await h.demo('hosting.disk.create', {
      datacenter_id: 4,
      size: 1024,
      name: 'scratch',
    })) as OpStruct;
    expect(
      (await h.fault('hosting.disk.update', DEMO_API_KEY, created.disk_id, { name: 'x' }))
        .faultCode,
    ).toBe(530467); // locked by its own disk_create
    h.advance(BASE_WAIT_MS + BASE_RUN_MS);
    const first = (await h.demo('hosting.disk.delete', created.disk_id)) as OpStruct;
    const second = await h.fault('hosting.disk.delete', DEMO_API_KEY, created.disk_id);
    expect(second.faultCode).toBe(530467);
    expect(second.faultString).toContain(`operation ${first.id}`);
    h.advance(BASE_WAIT_MS + BASE_RUN_MS);
    expect((await h.demo('operation.info', first.id)) as OpStruct).toMatchObject({ step: 'DONE' });
    expect(await h.demo('hosting.disk.count', { name: 'scratch' })).toBe(0);
  });

  it('the lock covers both ends of an attach, and a cancelled operation releases it', async () => {
    const vm = await web01();
    const disk = (await h.demo('hosting.disk.create', {
      datacenter_id: 4,
      size: 1024,
    })) as OpStruct;
    h.advance(BASE_WAIT_MS + BASE_RUN_MS);
    const attach = (await h.demo('hosting.vm.disk_attach', vm, disk.disk_id)) as OpStruct;
    expect((await h.fault('hosting.vm.reboot', DEMO_API_KEY, vm)).faultCode).toBe(530267);
    expect(
      (await h.fault('hosting.disk.update', DEMO_API_KEY, disk.disk_id, { name: 'y' })).faultCode,
    ).toBe(530467);
    expect(await h.demo('operation.cancel', attach.id)).toBe(true);
    expect(((await h.demo('hosting.vm.reboot', vm)) as OpStruct).type).toBe('vm_reboot');
    // Reads are never refused.
    expect(await h.demo('hosting.vm.info', vm)).toMatchObject({ id: vm });
  });

  it('locks survive a restart (rebuilt from the stored operations)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-busy-'));
    try {
      const first = await startWithClock({ memory: false, dataDir });
      const [vm] = (await first.demo('hosting.vm.list', { hostname: 'web01' })) as { id: number }[];
      await first.demo('hosting.vm.stop', vm!.id);
      await first.close();
      const again = await startWithClock({ memory: false, dataDir });
      expect((await again.fault('hosting.vm.stop', DEMO_API_KEY, vm!.id)).faultCode).toBe(530267);
      again.advance(BASE_WAIT_MS + BASE_RUN_MS);
      expect(await again.demo('hosting.vm.info', vm!.id)).toMatchObject({ state: 'halted' });
      await again.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
