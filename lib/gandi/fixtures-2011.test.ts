/**
 * The 2011-2015 recordings (libcloud), the mutators of both folders and the DNS fault, served byte for byte by a local HTTP server, through the real transport and the typed
 * function for that method: the typed values are what the recordings say.
 */
import { describe, expect, it } from 'vitest';
import * as gandi from './index';
import { FIXTURE_KEY as KEY, setupRecordedFixtures, utc } from './testing/recorded-fixtures';
import type { GandiConnection } from './types';

const { serve, lastCall } = setupRecordedFixtures();

describe.each(['libcloud', 'libcloud-pr1234'])('%s operations from mutators', (dir) => {
  const cases: [string, string, (c: GandiConnection) => Promise<gandi.Operation>, string][] = [
    [
      'disk_attach.xml',
      'hosting.vm.disk_attach',
      (c) => gandi.vmDiskAttach(c, 1, 2),
      'disk_attach',
    ],
    [
      'disk_detach.xml',
      'hosting.vm.disk_detach',
      (c) => gandi.vmDiskDetach(c, 1, 2),
      'disk_detach',
    ],
    [
      'disk_create.xml',
      'hosting.disk.create',
      (c) => gandi.diskCreate(c, { name: 'x', size: 1024 }),
      'disk_create',
    ],
    [
      'disk_create_from.xml',
      'hosting.disk.create_from',
      (c) => gandi.diskCreateFrom(c, {}, 3),
      'disk_create',
    ],
    ['disk_delete.xml', 'hosting.disk.delete', (c) => gandi.diskDelete(c, 1), 'disk_delete'],
    [
      'disk_update.xml',
      'hosting.disk.update',
      (c) => gandi.diskUpdate(c, 1, { size: 2048 }),
      'disk_update',
    ],
    [
      'iface_attach.xml',
      'hosting.vm.iface_attach',
      (c) => gandi.vmIfaceAttach(c, 1, 2),
      'iface_attach',
    ],
    [
      'iface_detach.xml',
      'hosting.vm.iface_detach',
      (c) => gandi.vmIfaceDetach(c, 1, 2),
      'iface_detach',
    ],
    ['vm_delete.xml', 'hosting.vm.delete', (c) => gandi.vmDelete(c, 1), 'vm_delete'],
    ['vm_reboot.xml', 'hosting.vm.reboot', (c) => gandi.vmReboot(c, 1), 'vm_reboot'],
    ['vm_stop.xml', 'hosting.vm.stop', (c) => gandi.vmStop(c, 1), 'vm_stop'],
  ];
  it.each(cases)('%s via %s', async (file, method, fn, type) => {
    const op = await fn(serve(`${dir}/${file}`));
    expect((await lastCall()).method).toBe(method);
    expect(op.type).toBe(type);
    expect(typeof op.id).toBe('number');
    expect(['WAIT', 'DONE']).toContain(op.step);
    expect(op.dateCreated).toBeInstanceOf(Date);
    expect(op.dateStart).toBeNull(); // `''` in 2011, `<nil/>` later
    expect(op.source).toMatch(/-GANDI$/);
  });
});

describe('libcloud (2011-2015 recordings)', () => {
  it('hosting.vm.list', async () => {
    const vms = await gandi.vmList(serve('libcloud/vm_list.xml'), { items_per_page: 50 });
    const call = await lastCall();
    expect(call).toEqual({ method: 'hosting.vm.list', params: [KEY, { items_per_page: 50 }] });
    expect(vms.map((v) => [v.id, v.hostname, v.state])).toEqual([
      [250133, 'test1', 'running'],
      [250136, 'test2', 'halted'],
    ]);
    expect(vms[0]).toMatchObject({
      diskIds: [34951],
      ifaceIds: [7857],
      description: null,
      farm: null,
      console: false,
      vmMaxMemory: 2048,
      dateCreated: utc(2011, 1, 20, 14, 57, 55),
    });
  });

  it('hosting.vm.info: nested disks, ifaces and ips; 2011 empty strings become null', async () => {
    const vm = await gandi.vmInfo(serve('libcloud/vm_info.xml'), 250133);
    expect(await lastCall()).toEqual({ method: 'hosting.vm.info', params: [KEY, 250133] });
    expect(vm).toMatchObject({
      id: 250133,
      hostname: 'test2',
      memory: 256,
      description: null,
      consoleUrl: null,
    });
    expect(vm.disks).toHaveLength(1);
    expect(vm.disks[0]).toMatchObject({
      id: 34951,
      isBootDisk: true,
      canSnapshot: false,
      kernelCmdline: { root: '/dev/xvda1', ro: true, console: 'xvc0', nosep: true },
      vmIds: [250133],
      source: 23351,
    });
    expect(vm.ifaces[0]?.ips?.map((ip) => [ip.id, ip.ip, ip.version])).toEqual([
      [9256, '10.5.6.186', 4],
      [9294, '2001:4b98:dc0:543:216:3eff:fe37:9f7b', 6],
    ]);
  });

  it('hosting.vm.create_from: three operations, found by type', async () => {
    const ops = await gandi.vmCreateFrom(
      serve('libcloud/vm_create_from.xml'),
      { datacenter_id: 1, hostname: 'h', memory: 256, ip_version: 4 },
      { name: 'd' },
      23351,
    );
    const call = await lastCall();
    expect(call.method).toBe('hosting.vm.create_from');
    expect(call.params.slice(1)).toEqual([
      { datacenter_id: 1, hostname: 'h', memory: 256, ip_version: 4 },
      { name: 'd' },
      23351,
    ]);
    expect(gandi.findOperation(ops, 'disk_create')).toMatchObject({
      id: 637370,
      diskId: 35170,
      vmId: null,
    });
    expect(gandi.findOperation(ops, 'iface_create')).toMatchObject({
      id: 637371,
      ifaceId: 8019,
      ipId: 9298,
    });
    expect(gandi.findOperation(ops, 'vm_create')).toMatchObject({
      id: 637372,
      vmId: 250288,
      step: 'WAIT',
    });
    expect(gandi.operationsForVm(ops, 250288).map((o) => o.id)).toEqual([637372]);
  });

  it('hosting.disk.list: the 2011 `can_snapshot: ""` is false', async () => {
    const disks = await gandi.diskList(serve('libcloud/disk_list.xml'));
    expect(disks.map((d) => [d.id, d.canSnapshot, d.vmIds])).toEqual([
      [34918, false, []],
      [34951, false, [250133]],
      [35170, true, [250288]],
    ]);
    expect(disks[0]?.snapshotIds).toEqual([]);
  });

  it('hosting.ip.list: the being_created IP has nulls', async () => {
    const ips = await gandi.ipList(serve('libcloud/ip_list.xml'));
    expect(ips).toHaveLength(6);
    expect(ips[4]).toMatchObject({
      id: 9323,
      ip: null,
      num: null,
      reverse: null,
      ifaceId: null,
      state: 'being_created',
    });
    expect(ips[5]).toMatchObject({ id: 9332, ip: '10.5.6.26', ifaceId: null });
  });

  it('hosting.iface.list: no vlan, no ips', async () => {
    const ifaces = await gandi.ifaceList(serve('libcloud/iface_list.xml'));
    expect(ifaces.map((i) => [i.id, i.vmId, i.num, i.bandwidth, i.ipIds, i.vlan, i.ips])).toEqual([
      [7857, 250133, 0, 5120, [9256, 9294], null, null],
      [8019, 250288, 0, 5192, [9298, 9508], null, null],
    ]);
  });

  it('hosting.datacenter.list: 2011 datacenters default to open', async () => {
    const dcs = await gandi.datacenterList(serve('libcloud/datacenter_list.xml'));
    expect(
      dcs.map((d) => [d.id, d.dcCode, d.iaasClosedFor, d.canMigrateTo, d.deactivateAt]),
    ).toEqual([
      [1, 'FR-SD2', 'NONE', [], null],
      [2, 'US-BA1', 'NONE', [], null],
    ]);
  });

  it('hosting.image.list', async () => {
    const images = await gandi.imageList(serve('libcloud/image_list_dc0.xml'), {
      datacenter_id: 1,
    });
    expect((await lastCall()).params[1]).toEqual({ datacenter_id: 1 });
    expect(images).toHaveLength(12);
    expect(images[0]).toMatchObject({
      id: 2,
      diskId: 34198,
      label: 'GandiOS',
      kernelVersion: null,
      size: null,
    });
    expect(images[0]?.dateCreated).toEqual(utc(2007, 1, 1, 0, 0, 0));
  });

  it('hosting.disk.info (2012, <nil/>)', async () => {
    const disk = await gandi.diskInfo(serve('libcloud/disk_info.xml'), 1263);
    expect(disk).toMatchObject({
      id: 1263,
      name: 'libcloud',
      kernelVersion: null,
      snapshotProfile: null,
      totalSize: null,
    });
    expect(disk.dateUpdated).toEqual(utc(2012, 6, 29, 11, 49, 0));
  });

  it('hosting.account.info: share-era account', async () => {
    const account = await gandi.accountInfo(serve('libcloud/account_info.xml'));
    expect(await lastCall()).toEqual({ method: 'hosting.account.info', params: [KEY] });
    expect(account).toEqual({
      id: 58757,
      handle: 'AB3917-GANDI',
      fullname: 'Aymeric Barantal',
      credits: 0,
      averageCreditCost: null,
      cycleDay: null,
      dateCreditsExpiration: null,
      ratingEnabled: false,
    });
  });

  it('hosting.account.info: rating account', async () => {
    const account = await gandi.accountInfo(serve('libcloud/account_info_rating.xml'));
    expect(account).toMatchObject({
      id: 24,
      handle: 'AB9090-GANDI',
      credits: 0,
      ratingEnabled: true,
    });
  });

  it('operation.info (2011): eta, empty last_error', async () => {
    const op = await gandi.operationInfo(serve('libcloud/operation_info.xml'), 637366);
    expect(await lastCall()).toEqual({ method: 'operation.info', params: [KEY, 637366] });
    expect(op).toMatchObject({
      id: 637366,
      step: 'DONE',
      eta: 39,
      lastError: null,
      params: {},
      vmId: null,
    });
    expect(op.dateUpdated).toEqual(utc(2011, 3, 24, 15, 49, 50));
  });

  it('hosting.ssh.*', async () => {
    expect(await gandi.sshList(serve('libcloud/ssh_list.xml'))).toEqual([
      {
        id: 10,
        name: 'testkey',
        fingerprint: 'a6:1f:b8:b4:19:91:99:d8:af:ab:d6:17:72:8b:d1:6c',
        value: null,
      },
    ]);
    const key = await gandi.sshInfo(serve('libcloud/ssh_info.xml'), 10);
    expect(key.value).toMatch(/^ssh-rsa AAAA.* root@testhost$/);
    const created = await gandi.sshCreate(serve('libcloud/ssh_info.xml'), {
      name: 'testkey',
      value: 'ssh-rsa AAAA',
    });
    expect((await lastCall()).params[1]).toEqual({ name: 'testkey', value: 'ssh-rsa AAAA' });
    expect(created.id).toBe(10);
    expect(await gandi.sshDelete(serve('libcloud/ssh_delete.xml'), 10)).toBe(true);
  });
});

describe('libcloud-dns', () => {
  it('a recorded fault document becomes a GandiError', async () => {
    const err = await gandi
      .versionInfo(serve('libcloud-dns/zone_doesnt_exist.xml'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(gandi.GandiError);
    expect(err).toMatchObject({
      kind: 'fault',
      method: 'version.info',
      faultCode: 581042,
      qualification: 'data',
      objectName: 'OBJECT_ZONE',
      causeName: 'CAUSE_NOTFOUND',
      reason: 'Zone does not exist',
    });
  });
});
