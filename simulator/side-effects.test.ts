import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEBIAN8_FR_SD3,
  startWithClock,
  VM_SPEC,
  type Harness,
  type OpStruct,
} from './testing/harness';

describe('side effects (instant mode)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startWithClock({ instant: true });
  });
  afterEach(() => h.close());

  const settle = () => h.demo('version.info');

  it('vm.delete removes the system disk and first iface, detaches the rest', async () => {
    const [vm] = (await h.demo('hosting.vm.list', { hostname: 'web01' })) as {
      id: number;
      disks_id: number[];
      ifaces_id: number[];
    }[];
    const dataOp = (await h.demo('hosting.disk.create', {
      datacenter_id: 4,
      name: 'data1',
      size: 1024,
    })) as OpStruct;
    const ifaceOp = (await h.demo('hosting.iface.create', {
      datacenter_id: 4,
      ip_version: 6,
    })) as OpStruct;
    await settle();
    await h.demo('hosting.vm.disk_attach', vm!.id, dataOp.disk_id);
    await h.demo('hosting.vm.iface_attach', vm!.id, ifaceOp.iface_id);
    await h.demo('hosting.vm.stop', vm!.id);
    await settle();
    const before = (await h.demo('hosting.vm.info', vm!.id)) as {
      disks_id: number[];
      ifaces_id: number[];
      ifaces: { num: number }[];
    };
    expect(before.disks_id).toEqual([vm!.disks_id[0], dataOp.disk_id]);
    expect(before.ifaces.map((i) => i.num)).toEqual([0, 1]);
    await h.demo('hosting.vm.delete', vm!.id);
    await settle();
    expect(await h.demo('hosting.vm.count', { id: vm!.id })).toBe(0);
    expect(await h.demo('hosting.disk.count', { id: vm!.disks_id[0] })).toBe(0);
    expect(await h.demo('hosting.iface.count', { id: vm!.ifaces_id[0] })).toBe(0);
    expect(await h.demo('hosting.ip.count', { iface_id: vm!.ifaces_id[0] })).toBe(0);
    expect(await h.demo('hosting.disk.info', dataOp.disk_id)).toMatchObject({
      vms_id: [],
      is_boot_disk: false,
    });
    expect(await h.demo('hosting.iface.info', ifaceOp.iface_id)).toMatchObject({
      state: 'free',
      vm_id: null,
      num: null,
    });
  });

  it('disk_attach at position 0 swaps with the system disk (VM halted)', async () => {
    const [vm] = (await h.demo('hosting.vm.list', { hostname: 'web01' })) as {
      id: number;
      disks_id: number[];
    }[];
    const op = (await h.demo(
      'hosting.disk.create_from',
      { name: 'clone' },
      vm!.disks_id[0],
    )) as OpStruct;
    await h.demo('hosting.vm.stop', vm!.id);
    await settle();
    await h.demo('hosting.vm.disk_attach', vm!.id, op.disk_id, { position: 0 });
    await settle();
    const info = (await h.demo('hosting.vm.info', vm!.id)) as {
      disks_id: number[];
      disks: { is_boot_disk: boolean }[];
    };
    expect(info.disks_id).toEqual([op.disk_id, vm!.disks_id[0]]);
    expect(info.disks.map((d) => d.is_boot_disk)).toEqual([true, false]);
  });

  it('a snapshot is listed in its disk snapshots_id, cannot be snapshotted, and rollback_from targets the origin', async () => {
    const [vm] = (await h.demo('hosting.vm.list', { hostname: 'web01' })) as {
      id: number;
      disks_id: number[];
    }[];
    const diskId = vm!.disks_id[0]!;
    const op = (await h.demo(
      'hosting.disk.create_from',
      { name: 'snap1', type: 'snapshot' },
      diskId,
    )) as OpStruct;
    await settle();
    expect(await h.demo('hosting.disk.info', diskId)).toMatchObject({ snapshots_id: [op.disk_id] });
    expect(await h.demo('hosting.disk.info', op.disk_id)).toMatchObject({
      type: 'snapshot',
      can_snapshot: false,
      source: diskId,
    });
    expect(
      (await h.fault('hosting.disk.rollback_from', 'demoaccount0000000000001', op.disk_id))
        .faultCode,
    ).toBe(530260);
    await h.demo('hosting.vm.stop', vm!.id);
    await settle();
    const rollback = (await h.demo('hosting.disk.rollback_from', op.disk_id)) as OpStruct;
    expect(rollback).toMatchObject({ type: 'disk_rollback', disk_id: diskId });
  });

  it('vlan: create (full op, params.vlan_id when done), private iface takes an address in the subnet, delete refused while used', async () => {
    const op = (await h.demo('hosting.vlan.create', {
      name: 'backend',
      datacenter_id: 4,
      subnet: '10.8.0.0/24',
    })) as OpStruct;
    expect(op).toMatchObject({ type: 'vlan_create', step: 'WAIT', eta: 0 });
    await settle();
    const done = (await h.demo('operation.info', op.id)) as OpStruct;
    const vlanId = done.params!.vlan_id as number;
    expect(await h.demo('hosting.vlan.info', vlanId)).toMatchObject({
      name: 'backend',
      state: 'created',
      datacenter: { dc_code: 'FR-SD3' },
    });
    const ifaceOp = (await h.demo('hosting.iface.create', {
      datacenter_id: 4,
      vlan: vlanId,
    })) as OpStruct;
    await settle();
    const iface = (await h.demo('hosting.iface.info', ifaceOp.iface_id)) as {
      type: string;
      ips: { ip: string; reverse: string }[];
      vlan: { id: number };
    };
    expect(iface).toMatchObject({ type: 'private', vlan: { id: vlanId } });
    expect(iface.ips[0]).toMatchObject({ ip: '10.8.0.1', reverse: '' });
    expect(
      (await h.fault('hosting.vlan.delete', 'demoaccount0000000000001', vlanId)).faultCode,
    ).toBe(537739);
    expect(
      (
        await h.fault('hosting.vlan.create', 'demoaccount0000000000001', {
          name: 'backend',
          datacenter_id: 4,
        })
      ).faultCode,
    ).toBe(537741);
  });

  it('ssh keys are synchronous: create returns the key with an MD5 fingerprint, delete returns true', async () => {
    const value = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7 me@host';
    const key = (await h.demo('hosting.ssh.create', { value, name: 'laptop' })) as {
      id: number;
      fingerprint: string;
      value: string;
    };
    expect(key.value).toBe(value);
    expect(key.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(await h.demo('hosting.ssh.delete', key.id)).toBe(true);
    expect((await h.fault('hosting.ssh.info', 'demoaccount0000000000001', key.id)).faultCode).toBe(
      501742,
    );
  });
});

describe('determinism', () => {
  it('the same seed and clock give byte-identical answers', async () => {
    const answers: string[] = [];
    for (let run = 0; run < 2; run++) {
      const h = await startWithClock({ instant: true });
      const { rawCall } = await import('./testing/client');
      await h.demo('hosting.vm.create_from', VM_SPEC, {}, DEBIAN8_FR_SD3);
      const list = await rawCall(h.sim.url, 'hosting.vm.list', ['demoaccount0000000000001']);
      const ips = await rawCall(h.sim.url, 'hosting.ip.list', ['demoaccount0000000000001']);
      const metric = await rawCall(h.sim.url, 'hosting.metric.query', [
        'demoaccount0000000000001',
        {
          query: 'vif.bytes.all',
          resource_id: 350000,
          resource_type: 'vm',
          start: '2025-12-31 00:00:00',
          end: '2026-01-01 00:00:00',
          sampler: { unit: 'hours', value: 1, function: 'max' },
        },
      ]);
      answers.push(list + ips + metric);
      await h.close();
    }
    expect(answers[0]).toBe(answers[1]);
  });
});
