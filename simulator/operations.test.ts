import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE_RUN_MS, BASE_WAIT_MS } from './index';
import {
  DEBIAN8_FR_SD3,
  startWithClock,
  VM_SPEC,
  type Harness,
  type OpStruct,
} from './testing/harness';

describe('operations over time (injected clock, default speed)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startWithClock();
  });
  afterEach(() => h.close());

  const opInfo = (id: number) => h.demo('operation.info', id) as Promise<OpStruct>;

  it('moves WAIT → RUN → DONE on the clock, with eta counting down, and applies effects at DONE', async () => {
    const [vm] = (await h.demo('hosting.vm.list', { hostname: 'web01' })) as { id: number }[];
    const op = (await h.demo('hosting.vm.stop', vm!.id)) as OpStruct;
    expect(op.step).toBe('WAIT');
    expect((await opInfo(op.id)).eta).toBe((BASE_WAIT_MS + BASE_RUN_MS) / 1000);
    h.advance(BASE_WAIT_MS - 1000);
    expect((await opInfo(op.id)).step).toBe('WAIT');
    h.advance(1000);
    const running = await opInfo(op.id);
    expect(running.step).toBe('RUN');
    expect(running.eta).toBe(BASE_RUN_MS / 1000);
    expect(((await h.demo('hosting.vm.info', vm!.id)) as { state: string }).state).toBe('running');
    h.advance(BASE_RUN_MS);
    const done = await opInfo(op.id);
    expect(done).toMatchObject({ step: 'DONE', eta: 0, last_error: null });
    expect(((await h.demo('hosting.vm.info', vm!.id)) as { state: string }).state).toBe('halted');
  });

  it('create_from: the VM is listed at once (being_created); its disk and iface come with the vm_create', async () => {
    const ops = (await h.demo(
      'hosting.vm.create_from',
      VM_SPEC,
      { name: 'sys_app01' },
      DEBIAN8_FR_SD3,
    )) as OpStruct[];
    expect(ops.map((o) => o.type)).toEqual(['disk_create', 'iface_create', 'vm_create']);
    // As recorded in 2018 (vm_create_from.xml): the disk and iface operations are DONE at once.
    expect(ops.map((o) => o.step)).toEqual(['DONE', 'DONE', 'WAIT']);
    const vmId = ops[2]!.vm_id!;
    expect(ops.every((o) => o.vm_id === vmId)).toBe(true);
    const listed = (await h.demo('hosting.vm.list', { id: vmId })) as { state: string }[];
    expect(listed[0]!.state).toBe('being_created');
    const ip = (await h.demo('hosting.ip.list', { iface_id: ops[1]!.iface_id })) as {
      ip: string | null;
      state: string;
    }[];
    expect(ip[0]).toMatchObject({ ip: null, state: 'being_created' });
    h.advance(BASE_WAIT_MS);
    expect((await opInfo(ops[2]!.id)).step).toBe('RUN');
    h.advance(BASE_RUN_MS);
    expect((await opInfo(ops[2]!.id)).step).toBe('DONE');
    const vm = (await h.demo('hosting.vm.info', vmId)) as {
      state: string;
      disks: {
        name: string;
        is_boot_disk: boolean;
        vms_id: number[];
        label: string;
        source: number;
      }[];
      ifaces: {
        state: string;
        num: number;
        ips: { version: number; ip: string; state: string }[];
      }[];
    };
    expect(vm.state).toBe('running');
    expect(vm.disks[0]).toMatchObject({
      name: 'sys_app01',
      is_boot_disk: true,
      vms_id: [vmId],
      label: 'Debian 8',
      source: DEBIAN8_FR_SD3,
    });
    expect(vm.ifaces[0]).toMatchObject({ state: 'used', num: 0 });
    expect(vm.ifaces[0]!.ips.map((i) => [i.version, i.state])).toEqual([
      [4, 'created'],
      [6, 'created'],
    ]);
    expect(vm.ifaces[0]!.ips[0]!.ip).toMatch(/^155\.133\.\d+\.\d+$/);
  });

  it('operation.cancel works while WAIT (the created disk disappears) and is refused once RUN', async () => {
    const op = (await h.demo('hosting.disk.create', {
      datacenter_id: 4,
      name: 'scratch',
      size: 2048,
    })) as OpStruct;
    expect(await h.demo('hosting.disk.count', { name: 'scratch' })).toBe(1);
    expect(await h.demo('operation.cancel', op.id)).toBe(true);
    expect((await opInfo(op.id)).step).toBe('CANCEL');
    expect(await h.demo('hosting.disk.count', { name: 'scratch' })).toBe(0);
    const op2 = (await h.demo('hosting.disk.create', {
      datacenter_id: 4,
      name: 'scratch',
      size: 2048,
    })) as OpStruct;
    h.advance(BASE_WAIT_MS);
    const refused = await h.fault('operation.cancel', 'demoaccount0000000000001', op2.id);
    expect(refused.faultCode).toBe(510260);
    h.advance(BASE_RUN_MS);
    expect((await opInfo(op2.id)).step).toBe('DONE');
  });

  it('cancelling a create_from removes the VM; its disk and iface (operations DONE) stay, detached', async () => {
    const ops = (await h.demo('hosting.vm.create_from', VM_SPEC, {}, DEBIAN8_FR_SD3)) as OpStruct[];
    const refused = await h.fault('operation.cancel', 'demoaccount0000000000001', ops[0]!.id);
    expect(refused.faultCode).toBe(510260);
    await h.demo('operation.cancel', ops[2]!.id);
    expect((await opInfo(ops[2]!.id)).step).toBe('CANCEL');
    expect(await h.demo('hosting.vm.count', { hostname: 'app01' })).toBe(0);
    expect(await h.demo('hosting.disk.info', ops[0]!.disk_id)).toMatchObject({
      state: 'created',
      vms_id: [],
    });
    expect(await h.demo('hosting.iface.info', ops[1]!.iface_id)).toMatchObject({ state: 'free' });
  });

  it("a hostname starting with 'fail-' is an ordinary hostname", async () => {
    const ops = (await h.demo(
      'hosting.vm.create_from',
      { ...VM_SPEC, hostname: 'fail-boot' },
      {},
      DEBIAN8_FR_SD3,
    )) as OpStruct[];
    h.advance(60_000);
    expect((await opInfo(ops[2]!.id)).step).toBe('DONE');
    expect(await h.demo('hosting.vm.info', ops[2]!.vm_id)).toMatchObject({ state: 'running' });
  });

  it('/_sim/fail on vm_create: the VM goes, its disk and iface stay detached', async () => {
    h.sim.control.failNext({ apiKey: 'demoaccount0000000000001', type: 'vm_create' });
    const ops = (await h.demo(
      'hosting.vm.create_from',
      { ...VM_SPEC, hostname: 'boot' },
      { name: 'sys_fail' },
      DEBIAN8_FR_SD3,
    )) as OpStruct[];
    h.advance(60_000);
    const vmOp = await opInfo(ops[2]!.id);
    expect(vmOp.step).toBe('ERROR');
    expect(vmOp.last_error).toMatch(/injected/);
    expect(await h.demo('hosting.vm.count', { hostname: 'boot' })).toBe(0);
    const [disk] = (await h.demo('hosting.disk.list', { name: 'sys_fail' })) as {
      state: string;
      vms_id: number[];
      is_boot_disk: boolean;
    }[];
    expect(disk).toMatchObject({ state: 'created', vms_id: [], is_boot_disk: false });
    expect(
      ((await h.demo('hosting.iface.info', ops[1]!.iface_id)) as { state: string }).state,
    ).toBe('free');
  });

  it('/_sim/fail makes the next operations of a type end in ERROR, then stops', async () => {
    const [vm] = (await h.demo('hosting.vm.list', { hostname: 'web01' })) as { id: number }[];
    h.sim.control.failNext({ apiKey: 'demoaccount0000000000001', type: 'vm_reboot', count: 1 });
    const first = (await h.demo('hosting.vm.reboot', vm!.id)) as OpStruct;
    h.advance(60_000);
    expect(await opInfo(first.id)).toMatchObject({
      step: 'ERROR',
      last_error: expect.stringContaining('injected'),
    });
    const second = (await h.demo('hosting.vm.reboot', vm!.id)) as OpStruct;
    h.advance(60_000);
    expect((await opInfo(second.id)).step).toBe('DONE');
  });

  it('vm.migrate goes through wait_sync → wait_finalize, waits for finalize=true, then moves the VM', async () => {
    const [vm] = (await h.demo('hosting.vm.list', { hostname: 'db01' })) as {
      id: number;
      datacenter_id: number;
    }[];
    expect(vm!.datacenter_id).toBe(1);
    expect(await h.demo('hosting.vm.can_migrate', vm!.id)).toEqual({
      can_migrate: true,
      matched: ['FR-SD2'],
      can_migrate_to: ['FR-SD3'],
    });
    const op = (await h.demo('hosting.vm.migrate', vm!.id, false)) as OpStruct;
    expect(op.params).toMatchObject({ from_dc_id: 1, to_dc_id: 4, inner_step: 'wait_sync' });
    expect(
      (await h.fault('hosting.vm.migrate', 'demoaccount0000000000001', vm!.id, true)).faultCode,
    ).toBe(530260);
    h.advance(60_000);
    // The started copy is DONE once synced; the migration waits as a RUN operation.
    expect(await opInfo(op.id)).toMatchObject({
      step: 'DONE',
      params: { inner_step: 'wait_finalize' },
    });
    const [waiting] = (await h.demo('operation.list', {
      type: 'hosting_migration_vm',
      step: 'RUN',
      vm_id: vm!.id,
    })) as OpStruct[];
    expect(waiting).toMatchObject({ params: { inner_step: 'wait_finalize', to_dc_id: 4 } });
    expect(
      ((await h.demo('hosting.vm.can_migrate', vm!.id)) as { can_migrate: boolean }).can_migrate,
    ).toBe(true);
    h.advance(600_000);
    expect((await opInfo(waiting!.id)).step).toBe('RUN');
    const finalizing = (await h.demo('hosting.vm.migrate', vm!.id, true)) as OpStruct;
    expect(finalizing.id).toBe(waiting!.id);
    h.advance(BASE_RUN_MS);
    expect((await opInfo(waiting!.id)).step).toBe('DONE');
    const moved = (await h.demo('hosting.vm.info', vm!.id)) as {
      datacenter_id: number;
      is_migrating: boolean;
      disks: { datacenter_id: number }[];
    };
    expect(moved).toMatchObject({ datacenter_id: 4, is_migrating: false });
    expect(moved.disks[0]!.datacenter_id).toBe(4);
  });

  it('an injected migration failure strikes at the switch-over; the VM stays where it was', async () => {
    const [vm] = (await h.demo('hosting.vm.list', { hostname: 'db01' })) as { id: number }[];
    h.sim.control.failNext({ apiKey: 'demoaccount0000000000001', type: 'hosting_migration_vm' });
    const started = (await h.demo('hosting.vm.migrate', vm!.id, false)) as OpStruct;
    h.advance(60_000);
    expect((await opInfo(started.id)).step).toBe('DONE');
    const finalizing = (await h.demo('hosting.vm.migrate', vm!.id, true)) as OpStruct;
    h.advance(BASE_RUN_MS);
    expect(await opInfo(finalizing.id)).toMatchObject({
      step: 'ERROR',
      last_error: expect.stringContaining('injected'),
    });
    expect(await h.demo('hosting.vm.info', vm!.id)).toMatchObject({
      datacenter_id: 1,
      is_migrating: false,
    });
  });
});
