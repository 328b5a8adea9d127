import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWithClock, type Harness, type OpStruct } from './testing/harness';

const HOUR = 3_600_000;

/** Running resources spend credits at the rating list's rates as simulated time passes. */
describe('credits are spent over time', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function accountWithVm(credits: number) {
    const { apiKey } = h.sim.control.createAccount({ credits });
    const { vmIds } = h.sim.control.createVms({ apiKey, count: 1 });
    const call = (method: string, ...params: unknown[]) => h.call(method, apiKey, ...params);
    const info = async () => ((await call('hosting.account.info')) as { credits: number }).credits;
    const rate = async () => {
      const [rating] = (await call('hosting.rating.list')) as Record<string, unknown>[];
      let sum = 0;
      for (const value of Object.values(rating!))
        if (value && typeof value === 'object' && !(value instanceof Date))
          for (const n of Object.values(value)) sum += typeof n === 'number' ? n : 0;
      return sum;
    };
    return { apiKey, vm: vmIds[0]!, call, info, rate };
  }

  it('charges the rating list rate per simulated hour, and less once the VM is halted', async () => {
    h = await startWithClock();
    const a = await accountWithVm(100_000);
    const running = await a.rate();
    expect(running).toBeGreaterThan(0);
    expect(await a.info()).toBe(100_000);
    h.advance(HOUR);
    expect(await a.info()).toBe(100_000 - running);
    const stop = (await a.call('hosting.vm.stop', a.vm)) as OpStruct;
    const halted = running - 168 - 60; // one core and 512 MB stop costing
    // Read long after the stop ended: the time after its DONE is billed at the halted rate.
    h.advance(HOUR);
    expect(((await a.call('operation.info', stop.id)) as OpStruct).step).toBe('DONE');
    expect(await a.rate()).toBe(halted);
    const stopMs = 4_000; // WAIT + RUN at speed 1
    const expected = 100_000 - running - (running * stopMs + halted * (HOUR - stopMs)) / HOUR;
    expect(Math.abs((await a.info()) - expected)).toBeLessThanOrEqual(1);
  });

  it('--speed scales the spending with the operations', async () => {
    h = await startWithClock({ speed: 10 });
    const a = await accountWithVm(100_000);
    const rate = await a.rate();
    h.advance(HOUR / 10);
    expect(await a.info()).toBe(100_000 - rate);
  });

  it('an account that reaches 0 gets fault 530040 on creations; other calls still work', async () => {
    h = await startWithClock();
    const a = await accountWithVm(1_000);
    expect(
      ((await a.call('hosting.disk.create', { datacenter_id: 4, size: 1024 })) as OpStruct).type,
    ).toBe('disk_create');
    h.advance(10 * HOUR);
    expect(await a.info()).toBe(0);
    const refused = await h.fault('hosting.disk.create', a.apiKey, {
      datacenter_id: 4,
      size: 1024,
    });
    expect(refused.faultCode).toBe(530040);
    expect((await h.fault('hosting.vm.start', a.apiKey, a.vm)).faultCode).not.toBe(150000);
    expect(((await a.call('hosting.vm.stop', a.vm)) as OpStruct).type).toBe('vm_stop');
    expect(await a.info()).toBe(0);
  });

  it('reads do not write: an idle account is charged lazily, the same after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-credits-'));
    try {
      h = await startWithClock({ memory: false, dataDir });
      const a = await accountWithVm(100_000);
      const rate = await a.rate();
      const journal = path.join(dataDir, 'journal.ndjson');
      const size = fs.statSync(journal).size;
      h.advance(HOUR / 2);
      expect(await a.info()).toBe(Math.floor(100_000 - rate / 2));
      expect(fs.statSync(journal).size).toBe(size);
      const clock = h.clock.now;
      await h.close();
      h = await startWithClock({ memory: false, dataDir });
      h.clock.now = clock + HOUR / 2;
      const again = (await h.call('hosting.account.info', a.apiKey)) as { credits: number };
      expect(again.credits).toBe(100_000 - rate);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
