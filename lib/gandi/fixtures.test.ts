/**
 * Every recorded response, served byte for byte by a local HTTP server, through the real transport
 * and the typed function for that method: the typed values are what the recordings say.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as gandi from './index';
import {
  FIXTURES_DIR,
  parseCall,
  startFixtureServer,
  type FixtureServer,
} from './testing/fixture-server';
import type { GandiConnection } from './types';

const KEY = 'fixturekey00000000000001';
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

/** Serves `file` for the next request and returns a connection to the server. */
function serve(file: string): GandiConnection {
  const bytes = readFileSync(path.join(FIXTURES_DIR, file));
  server.respond(() => ({ body: bytes }));
  return { endpoint: server.url, apiKey: KEY, timeoutMs: 5_000 };
}

/** The request just sent: its method, and the key as first parameter. */
async function lastCall(): Promise<{ method: string; params: unknown[] }> {
  const req = server.requests.at(-1);
  if (!req) throw new Error('no request');
  expect(req.headers['content-type']).toBe('text/xml');
  expect(req.headers['user-agent']).toMatch(/^gandi-panel\//);
  const call = await parseCall(req.body);
  expect(call.params[0]).toBe(KEY);
  return call;
}

const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number) =>
  new Date(Date.UTC(y, mo - 1, d, h, mi, s));

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
