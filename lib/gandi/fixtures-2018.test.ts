/**
 * The 2018 recordings (libcloud PR 1234) and the two wire epochs side by side, served byte for byte by a local HTTP server, through the real transport and the typed
 * function for that method: the typed values are what the recordings say.
 */
import { describe, expect, it } from 'vitest';
import * as gandi from './index';
import { FIXTURE_KEY as KEY, setupRecordedFixtures, utc } from './testing/recorded-fixtures';

const { serve, lastCall } = setupRecordedFixtures();

describe('libcloud-pr1234 (2018 recordings, pretty-printed)', () => {
  it('hosting.vm.info: public + private ifaces with vlan, farm, hvm state', async () => {
    const vm = await gandi.vmInfo(serve('libcloud-pr1234/vm_info.xml'), 352698);
    expect(vm).toMatchObject({
      id: 352698,
      hostname: 'node-test',
      farm: 'default',
      hvmState: 'running',
      consoleUrl: 'console.gandi.net',
      isMigrating: false,
      vmMaxMemory: 512,
      dateCreated: utc(2018, 5, 18, 17, 11, 12),
    });
    expect(vm.ifaces.map((i) => [i.id, i.type, i.vlan, i.ips?.map((ip) => ip.ip)])).toEqual([
      [434706, 'public', null, ['95.142.170.44', '2001:4b98:dc0:47:216:3eff:fe60:1688']],
      [434673, 'private', { id: 8352, name: 'test_vlan' }, ['192.168.0.1']],
    ]);
    expect(vm.disks[0]).toMatchObject({
      id: 24667995,
      kernelCmdline: null,
      label: 'Debian 8',
      totalSize: 3072,
    });
  });

  it('hosting.vm.list', async () => {
    const vms = await gandi.vmList(serve('libcloud-pr1234/vm_list.xml'));
    expect((await lastCall()).params).toEqual([KEY]);
    expect(vms.map((v) => [v.id, v.state, v.diskIds, v.ifaceIds, v.description])).toEqual([
      [352686, 'running', [24667611], [434694], null],
      [352698, 'halted', [24667995, 24667179], [434706, 434673], null],
    ]);
  });

  it('hosting.vm.create_from: disk and iface ops already DONE, all with vm_id', async () => {
    const ops = await gandi.vmCreateFrom(
      serve('libcloud-pr1234/vm_create_from.xml'),
      { datacenter_id: 4, hostname: 'node-test2', memory: 512 },
      {},
      17945187,
    );
    expect(ops.map((o) => [o.type, o.step, o.vmId])).toEqual([
      ['disk_create', 'DONE', 352686],
      ['iface_create', 'DONE', 352686],
      ['vm_create', 'WAIT', 352686],
    ]);
    expect(gandi.findOperation(ops, 'iface_create')).toMatchObject({
      ifaceId: 434694,
      ipId: 573663,
    });
  });

  it('hosting.disk.list and info', async () => {
    const disks = await gandi.diskList(serve('libcloud-pr1234/disk_list.xml'));
    expect(disks).toHaveLength(7);
    expect(disks[0]).toMatchObject({
      id: 24667611,
      isBootDisk: true,
      canSnapshot: true,
      snapshotProfileId: null,
      source: 17945187,
    });
    expect(disks[6]).toMatchObject({
      id: 24668274,
      name: 'libcloud',
      canSnapshot: false,
      kernelVersion: null,
    });
    const disk = await gandi.diskInfo(serve('libcloud-pr1234/disk_info.xml'), 24667032);
    expect(disk).toMatchObject({
      id: 24667032,
      totalSize: 1024,
      snapshotIds: [],
      isMigrating: false,
      snapshotProfile: null,
    });
  });

  it('hosting.iface.list: free iface, private iface in a vlan', async () => {
    const ifaces = await gandi.ifaceList(serve('libcloud-pr1234/iface_list.xml'));
    expect(ifaces.map((i) => [i.id, i.state, i.vmId, i.num, i.bandwidth, i.vlan])).toEqual([
      [434670, 'free', null, null, 1024, null],
      [434673, 'free', null, null, 204800, { id: 8352, name: 'test_vlan' }],
      [434688, 'used', 352680, 0, 102400, null],
      [434694, 'used', 352686, 0, 102400, null],
    ]);
  });

  it('hosting.ip.list: private reverse "" and being_created nils are null', async () => {
    const ips = await gandi.ipList(serve('libcloud-pr1234/ip_list.xml'));
    expect(ips.map((i) => [i.id, i.ip, i.reverse, i.type, i.vmId])).toEqual([
      [573630, '2001:4b99:1:2:216:3eff:fe2c:83cf', 'xvm6-1-fe2c-83cf.ghst.net', 'public', null],
      [573633, '192.168.0.1', null, 'private', null],
      [573657, null, null, 'public', 352680],
      [573663, '155.133.130.243', 'xvm-130-243.dc3.ghst.net', 'public', 352686],
      [573666, '2001:4b99:1:2:216:3eff:fec2:53f8', 'xvm6-1-fec2-53f8.ghst.net', 'public', 352686],
    ]);
  });

  it('hosting.datacenter.list and image.list', async () => {
    const dcs = await gandi.datacenterList(serve('libcloud-pr1234/datacenter_list.xml'));
    expect(dcs.map((d) => [d.id, d.dcCode, d.iaasClosedFor, d.paasClosedFor])).toEqual([
      [3, 'LU-BI1', 'NONE', 'NONE'],
      [4, 'FR-SD3', 'NONE', 'NONE'],
      [5, 'FR-SD5', 'NONE', 'NONE'],
      [6, 'FR-SD6', 'NONE', 'NONE'],
    ]);
    const images = await gandi.imageList(serve('libcloud-pr1234/image_list_dc0.xml'));
    expect(images).toHaveLength(35);
    expect(images[0]).toMatchObject({
      id: 167,
      diskId: 1401327,
      system: 'Debian',
      version: '7',
      visibility: 'deprecated',
      kernelVersion: '3.18-x86_64 (hvm,deprecated)',
      dateCreated: utc(2014, 4, 17, 18, 38, 53),
    });
  });

  it('hosting.vlan.*: full operation structs, vlan_id from params', async () => {
    const created = await gandi.vlanCreate(serve('libcloud-pr1234/vlan_create.xml'), {
      name: 'test_vlan',
      datacenter_id: 4,
    });
    expect(await lastCall()).toEqual({
      method: 'hosting.vlan.create',
      params: [KEY, { name: 'test_vlan', datacenter_id: 4 }],
    });
    expect(created).toMatchObject({
      id: 138396603,
      type: 'vlan_create',
      eta: 3,
      lastError: null,
      vlanId: null,
    });
    expect(created.params).toMatchObject({ subnet: '192.168.0.0/24', name: 'test_vlan' });
    const deleted = await gandi.vlanDelete(serve('libcloud-pr1234/vlan_delete.xml'), 8355);
    expect(deleted).toMatchObject({ type: 'vlan_delete', vlanId: 8355 });
    const vlans = await gandi.vlanList(serve('libcloud-pr1234/vlan_list.xml'));
    expect(vlans).toEqual([
      {
        id: 8352,
        name: 'test_vlan',
        state: 'created',
        subnet: '192.168.0.0/24',
        gateway: null,
        datacenterId: 4,
        datacenter: null,
      },
    ]);
    const vlan = await gandi.vlanInfo(serve('libcloud-pr1234/vlan_info.xml'), 8352);
    expect(vlan).toMatchObject({
      id: 8352,
      datacenterId: 4,
      datacenter: { id: 4, dcCode: 'FR-SD3', name: 'Paris, France SD3' },
    });
  });

  it('operation.info with params.vlan_id', async () => {
    const op = await gandi.operationInfo(serve('libcloud-pr1234/operation_info.xml'), 637366);
    expect(op).toMatchObject({ vlanId: 8352, params: { vlan_id: 8352 } });
  });

  it('hosting.ssh.* (compact layout)', async () => {
    const keys = await gandi.sshList(serve('libcloud-pr1234/ssh_list.xml'));
    expect(keys).toEqual([
      {
        id: 1,
        name: 'zen',
        fingerprint: '17:bb:c5:a5:a2:c8:3b:4f:4d:5e:11:60:47:ca:96:0f',
        value: null,
      },
    ]);
    const key = await gandi.sshInfo(serve('libcloud-pr1234/ssh_info.xml'), 1);
    expect(key.value).toMatch(/ mric@zen\n$/);
  });
});

describe('both wire epochs decode to the same app values', () => {
  it('vm_delete: 2011 empty strings and the same data in the 2018 folder', async () => {
    const a = await gandi.vmDelete(serve('libcloud/vm_delete.xml'), 250136);
    const b = await gandi.vmDelete(serve('libcloud-pr1234/vm_delete.xml'), 250136);
    expect(a).toEqual(b);
    expect(a).toMatchObject({
      diskId: null,
      ifaceId: null,
      ipId: null,
      dateStart: null,
      vmId: 250136,
    });
  });

  it('an operation with `""` and one with <nil/> give identical nulls', async () => {
    const old = await gandi.vmStop(serve('libcloud/vm_stop.xml'), 1);
    const recent = await gandi.vmStop(serve('libcloud-pr1234/vm_stop.xml'), 1);
    const nullish = (op: gandi.Operation) => [
      op.dateStart,
      op.diskId,
      op.ifaceId,
      op.ipId,
      op.eta,
      op.lastError,
    ];
    expect(nullish(old)).toEqual([null, null, null, null, null, null]);
    expect(nullish(recent)).toEqual(nullish(old));
  });

  it('disk info: 2012 and 2018 shapes reshape to the same keys and null conventions', async () => {
    const old = await gandi.diskInfo(serve('libcloud/disk_info.xml'), 1263);
    const recent = await gandi.diskInfo(serve('libcloud-pr1234/disk_info.xml'), 24667032);
    expect(Object.keys(old).sort()).toEqual(Object.keys(recent).sort());
    for (const d of [old, recent]) {
      expect([d.kernelVersion, d.kernelCmdline, d.label, d.source, d.snapshotProfile]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
    }
  });
});
