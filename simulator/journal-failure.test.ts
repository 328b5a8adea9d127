import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { methodCallXml } from './testing/client';
import { startWithClock, type Harness, type OpStruct } from './testing/harness';

/** A failed journal write is a failed call: nothing applied, HTTP 500, and the next calls work. */
describe('journal write failures', () => {
  let dataDir: string;
  let h: Harness;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-journal-'));
    h = await startWithClock({ memory: false, dataDir });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const raw = async (method: string, ...params: unknown[]) => {
    const res = await fetch(h.sim.url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: methodCallXml(method, [DEMO_API_KEY, ...(params as never[])]),
    });
    return { status: res.status, text: await res.text() };
  };
  const web01 = async () =>
    ((await h.demo('hosting.vm.list', { hostname: 'web01' })) as { id: number }[])[0]!.id;
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  const journal = () => path.join(dataDir, 'journal.ndjson');

  it('a write that fails halfway (disk full) answers 500, applies nothing, and the disk is reused once it has room', async () => {
    const vm = await web01();
    const realWrite = fs.writeSync.bind(fs) as (
      fd: number,
      b: Buffer,
      o: number,
      l: number,
    ) => number;
    vi.spyOn(fs, 'writeSync').mockImplementationOnce(((fd: number, buffer: Buffer) => {
      realWrite(fd, buffer, 0, Math.floor(buffer.length / 2)); // a torn line on disk
      throw fail('ENOSPC');
    }) as never);
    const refused = await raw('hosting.vm.stop', vm);
    expect(refused.status).toBe(500);
    expect(refused.text).not.toContain(DEMO_API_KEY);
    // Not applied: no operation, the VM untouched, and a second stop is not "busy".
    expect(await h.demo('operation.count', { vm_id: vm, type: 'vm_stop' })).toBe(0);
    const accepted = (await h.demo('hosting.vm.stop', vm)) as OpStruct;
    expect(accepted.type).toBe('vm_stop');
    // Every line of the journal is whole: the torn bytes were cut off.
    for (const line of fs.readFileSync(journal(), 'utf8').split('\n').filter(Boolean))
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    await h.close();
    h = await startWithClock({ memory: false, dataDir });
    expect(await h.demo('operation.count', { vm_id: vm, type: 'vm_stop' })).toBe(1);
  });

  it('a failed fsync (EIO) is a failed call too; the handle is reopened for the next one', async () => {
    const vm = await web01();
    const opened = vi.spyOn(fs, 'openSync');
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw fail('EIO');
    });
    expect((await raw('hosting.vm.update', vm, { memory: 2048 })).status).toBe(500);
    expect(await h.demo('operation.count', { vm_id: vm, type: 'vm_update' })).toBe(0);
    const before = opened.mock.calls.length;
    expect(((await h.demo('hosting.vm.update', vm, { memory: 2048 })) as OpStruct).type).toBe(
      'vm_update',
    );
    const reopened = opened.mock.calls.slice(before).filter(([p]) => p === journal());
    expect(reopened.length).toBeGreaterThanOrEqual(1);
    await h.close();
    h = await startWithClock({ memory: false, dataDir });
    expect(await h.demo('operation.count', { vm_id: vm, type: 'vm_update' })).toBe(1);
  });

  it('a failed control call (/_sim/accounts) is not applied either', async () => {
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw fail('EIO');
    });
    const base = h.sim.url.replace('/xmlrpc/', '');
    const res = await fetch(`${base}/_sim/accounts`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(500);
    const ok = (await (
      await fetch(`${base}/_sim/accounts`, { method: 'POST', body: '{}' })
    ).json()) as {
      handle: string;
    };
    // The failed call's account id was never handed out: the next one gets it.
    expect(ok.handle).toBe('SIM2920673-GANDI');
  });

  it('removes the temp files of an interrupted compaction at start', async () => {
    await h.close();
    const leftover = path.join(dataDir, 'state.json.12345.tmp');
    fs.writeFileSync(leftover, '{"half": ');
    h = await startWithClock({ memory: false, dataDir });
    expect(fs.existsSync(leftover)).toBe(false);
    expect(await h.demo('hosting.vm.count')).toBe(2);
  });
});
