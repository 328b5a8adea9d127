import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, NO_CREDITS_API_KEY, OTHER_API_KEY } from './accounts';
import { METHODS } from './methods';
import { DEBIAN8_FR_SD3, startWithClock, VM_SPEC, type Harness } from './testing/harness';

const K = DEMO_API_KEY;

describe('faults', () => {
  let h: Harness;
  let web01: { id: number; disks_id: number[]; ifaces_id: number[] };
  let otherVm: { id: number; disks_id: number[] };
  beforeAll(async () => {
    h = await startWithClock({ instant: true });
    web01 = ((await h.demo('hosting.vm.list', { hostname: 'web01' })) as (typeof web01)[])[0]!;
    otherVm = ((await h.call('hosting.vm.list', OTHER_API_KEY)) as (typeof otherVm)[])[0]!;
  });
  afterAll(() => h.close());

  it('500037 for a badly formed key, quoting it as the real API did', async () => {
    expect(await h.fault('version.info', 'https://rpc.gandi.net/xmlrpc')).toEqual({
      faultCode: 500037,
      faultString:
        "Error on object : OBJECT_UNKNOWN (CAUSE_BADPARAMETER) [string 'https://rpc.gandi.net/xmlrpc' does not match '^[a-z0-9]{24}$']",
    });
    expect((await h.fault('hosting.vm.list')).faultCode).toBe(500037);
    expect((await h.fault('hosting.vm.list', 42)).faultCode).toBe(500037);
  });

  it('510150 for a well-formed unknown key', async () => {
    expect(await h.fault('hosting.vm.list', 'abcdefghijklmnopqrstuvwx')).toEqual({
      faultCode: 510150,
      faultString: 'Error on object : OBJECT_ACCOUNT (CAUSE_NORIGHT) [Invalid API key]',
    });
  });

  it('fault 1 for an unknown method (not an HTTP 404)', async () => {
    expect(await h.fault('hosting.vm.explode', K)).toEqual({
      faultCode: 1,
      faultString: 'Method "hosting.vm.explode" is not supported',
    });
  });

  it('system.listMethods needs no key and lists every method', async () => {
    const methods = (await h.call('system.listMethods')) as string[];
    expect(methods).toContain('hosting.vm.create_from');
    expect(methods).toContain('hosting.catalog.list');
    expect(methods).toHaveLength(METHODS.size);
  });

  it('wrong argument types and counts', async () => {
    expect(await h.fault('hosting.vm.info', K, 'abc')).toEqual({
      faultCode: 501010,
      faultString:
        "Error on object : OBJECT_INTEGER (CAUSE_TYPE) [vm_id: integer expected, got string 'abc']",
    });
    expect((await h.fault('hosting.vm.info', K)).faultCode).toBe(501637);
    expect((await h.fault('hosting.vm.info', K, 1, 2)).faultCode).toBe(501637);
    expect((await h.fault('hosting.vm.list', K, 'x')).faultCode).toBe(501510);
    expect((await h.fault('hosting.vm.update', K, web01.id, { memory: '1024' })).faultCode).toBe(
      501010,
    );
  });

  it('unknown filter keys and spec fields', async () => {
    expect(await h.fault('hosting.vm.list', K, { colour: 'red' })).toEqual({
      faultCode: 501533,
      faultString:
        "Error on object : OBJECT_STRUCT (CAUSE_UNEXPECTED) [options: unknown field 'colour']",
    });
    expect((await h.fault('hosting.vm.list', K, { '~memory': 'x' })).faultCode).toBe(501533);
    expect((await h.fault('hosting.vm.update', K, web01.id, { colour: 'red' })).faultCode).toBe(
      501533,
    );
    expect((await h.fault('hosting.vm.list', K, { sort_by: 'colour' })).faultCode).toBe(501237);
  });

  it("another account's objects answer exactly like missing ones", async () => {
    const missing = await h.fault('hosting.vm.info', K, 999);
    const foreign = await h.fault('hosting.vm.info', K, otherVm.id);
    expect(missing).toEqual({
      faultCode: 530242,
      faultString: "Error on object : OBJECT_VM (CAUSE_NOTFOUND) [VM '999' doesn't exist.]",
    });
    expect(foreign).toEqual({
      ...missing,
      faultString: missing.faultString.replace('999', String(otherVm.id)),
    });
    expect((await h.fault('hosting.vm.stop', K, otherVm.id)).faultCode).toBe(530242);
    expect((await h.fault('hosting.disk.delete', K, otherVm.disks_id[0])).faultCode).toBe(530442);
    expect(await h.demo('hosting.vm.count', { id: otherVm.id })).toBe(0);
    expect(
      ((await h.call('hosting.vm.info', OTHER_API_KEY, otherVm.id)) as { state: string }).state,
    ).toBe('running');
  });

  it('forbidden transitions', async () => {
    expect((await h.fault('hosting.vm.start', K, web01.id)).faultCode).toBe(530260);
    expect((await h.fault('hosting.vm.delete', K, web01.id)).faultCode).toBe(530260);
    expect(
      (await h.fault('hosting.vm.disk_detach', K, web01.id, web01.disks_id[0])).faultCode,
    ).toBe(530260);
    expect((await h.fault('hosting.disk.delete', K, web01.disks_id[0])).faultCode).toBe(530439);
    expect((await h.fault('hosting.iface.delete', K, web01.ifaces_id[0])).faultCode).toBe(531739);
    expect(
      (await h.fault('hosting.disk.update', K, web01.disks_id[0], { size: 1024 })).faultCode,
    ).toBe(530495);
    expect((await h.fault('hosting.vm.update', K, web01.id, { memory: 4096 })).faultCode).toBe(
      530230,
    );
    expect((await h.fault('hosting.vm.update', K, web01.id, {})).faultCode).toBe(530244);
  });

  it('credits, datacenters and same-datacenter rules', async () => {
    expect(
      await h.fault('hosting.vm.create_from', NO_CREDITS_API_KEY, VM_SPEC, {}, DEBIAN8_FR_SD3),
    ).toEqual({
      faultCode: 530040,
      faultString:
        "Error on object : OBJECT_HOSTING_ACCOUNT (CAUSE_DONTEXIST) [You haven't purchased any credits yet]",
    });
    expect(
      (await h.fault('hosting.disk.create', K, { datacenter_id: 2, size: 1024 })).faultCode,
    ).toBe(532751);
    // FR-SD2 is closed for NEW: the other account has nothing there, the demo one has db01.
    expect(
      (await h.fault('hosting.disk.create', OTHER_API_KEY, { datacenter_id: 1, size: 1024 }))
        .faultCode,
    ).toBe(532751);
    expect(await h.demo('hosting.disk.create', { datacenter_id: 1, size: 1024 })).toMatchObject({
      type: 'disk_create',
    });
    expect(
      (await h.fault('hosting.disk.create', K, { datacenter_id: 99, size: 1024 })).faultCode,
    ).toBe(532742);
    expect(
      (
        await h.fault(
          'hosting.vm.create_from',
          K,
          { ...VM_SPEC, datacenter_id: 5 },
          {},
          DEBIAN8_FR_SD3,
        )
      ).faultCode,
    ).toBe(530451);
    expect(
      (
        await h.fault(
          'hosting.vm.create_from',
          K,
          { ...VM_SPEC, hostname: 'bad_name!' },
          {},
          DEBIAN8_FR_SD3,
        )
      ).faultCode,
    ).toBe(530238);
    expect(
      (
        await h.fault(
          'hosting.vm.create_from',
          K,
          { ...VM_SPEC, hostname: 'web01' },
          {},
          DEBIAN8_FR_SD3,
        )
      ).faultCode,
    ).toBe(530241);
  });

  it('a refused call changes nothing', async () => {
    const before = await h.demo('hosting.disk.count');
    const ops = await h.demo('operation.count');
    // The disk spec is bad (shrinks the image), but only after the VM spec was accepted.
    await h.fault(
      'hosting.vm.create_from',
      K,
      { ...VM_SPEC, hostname: 'halfway' },
      { size: 1024 },
      DEBIAN8_FR_SD3,
    );
    expect(await h.demo('hosting.disk.count')).toBe(before);
    expect(await h.demo('operation.count')).toBe(ops);
    expect(await h.demo('hosting.vm.count', { hostname: 'halfway' })).toBe(0);
  });

  it('a bug in a handler becomes fault 150000 and the server keeps answering', async () => {
    METHODS.set('hosting.test.boom', {
      handler: () => {
        throw new TypeError('boom');
      },
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      expect((await h.fault('hosting.test.boom', K)).faultCode).toBe(150000);
    } finally {
      console.error = original;
      METHODS.delete('hosting.test.boom');
    }
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors)).not.toContain(K);
    expect(await h.demo('version.info')).toEqual({ api_version: '3.3.37' });
  });
});
