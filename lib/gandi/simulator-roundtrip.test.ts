/**
 * Every typed function against the in-process simulator over real HTTP: what goes out is accepted,
 * what comes back reshapes to the app types, and state changes are visible through later reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CREDITS_API_KEY, startSimulator, type Simulator } from '@/simulator';
import * as gandi from './index';
import type { GandiConnection, Operation } from './types';

let sim: Simulator;
let conn: GandiConnection;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  conn = { endpoint: sim.url, apiKey: sim.control.createAccount().apiKey, timeoutMs: 10_000 };
});
afterAll(() => sim.close());

/** Waits for the operations and asserts they all succeeded. */
async function done(ops: Operation | Operation[]): Promise<Operation[]> {
  const list = Array.isArray(ops) ? ops : [ops];
  const final = await gandi.waitForOperations(
    conn,
    list.map((op) => op.id),
    { intervalMs: 5 },
  );
  expect(final.map((op) => [op.type, op.step, op.lastError])).toEqual(
    list.map((op) => [op.type, 'DONE', null]),
  );
  return final;
}

async function fault(p: Promise<unknown>): Promise<gandi.GandiError> {
  const err = await p.then(
    () => {
      throw new Error('expected a fault');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(gandi.GandiError);
  return err as gandi.GandiError;
}

describe('read-only methods', () => {
  it('version, account, rating, catalog', async () => {
    expect(await gandi.versionInfo(conn)).toEqual({
      apiVersion: expect.stringMatching(/^3\.3\.\d+$/),
    });
    const account = await gandi.accountInfo(conn);
    expect(account).toMatchObject({ ratingEnabled: true, credits: 1_000_000 });
    expect(account.handle).toMatch(/-GANDI$/);
    const [rating] = await gandi.ratingList(conn);
    expect(rating?.timestamp).toBeInstanceOf(Date);
    expect(rating?.creditsPerHour).toBe(0); // a fresh account burns nothing
    const prices = await gandi.catalogList(conn);
    expect(prices).toContainEqual({
      resource: 'cpu',
      flavour: 'default',
      unit: 'core',
      creditsPerHour: 168,
    });
    expect(prices).toContainEqual({
      resource: 'ip',
      flavour: 'v4_public',
      unit: 'address',
      creditsPerHour: 210,
    });
  });

  it('datacenters, images, kernels, snapshot profiles, metrics available', async () => {
    const dcs = await gandi.datacenterList(conn, { sort_by: 'id ASC' });
    expect(dcs.find((d) => d.id === 4)).toMatchObject({ dcCode: 'FR-SD3', iaasClosedFor: 'NONE' });
    expect(dcs.find((d) => d.id === 1)).toMatchObject({ iaasClosedFor: 'NEW', canMigrateTo: [4] });
    const images = await gandi.imageList(conn, { datacenter_id: 4 });
    expect(images.length).toBeGreaterThan(5);
    expect(images.every((i) => i.datacenterId === 4)).toBe(true);
    const first = images[0];
    if (!first) throw new Error('no image');
    expect(await gandi.imageInfo(conn, first.id)).toEqual(first);
    const kernels = await gandi.diskListKernels(conn, 4);
    const kernel = kernels.linux?.[0];
    expect(kernel).toEqual(expect.any(String));
    expect(typeof (await gandi.diskListOptions(conn, kernel ?? ''))).toBe('object');
    const profiles = await gandi.snapshotProfileList(conn);
    expect(profiles.map((p) => p.name)).toEqual(
      expect.arrayContaining(['minimal', 'full_week', 'security']),
    );
    const available = await gandi.metricAvailable(conn, { resource: 'vm' });
    expect(available).toEqual([
      { resourceType: 'vm', metrics: expect.arrayContaining(['vif.bytes.all']) },
    ]);
  });
});

describe('a VM life cycle', () => {
  let vmId = 0;
  let sysDiskId = 0;
  let dataDiskId = 0;
  let ifaceId = 0;

  it('vmCreateFrom, then list/count/info', async () => {
    const images = await gandi.imageList(conn, { datacenter_id: 4, label: 'Debian 9' });
    const image = images[0];
    if (!image) throw new Error('no Debian 9 image');
    const ops = await gandi.vmCreateFrom(
      conn,
      {
        datacenter_id: 4,
        hostname: 'rt01',
        memory: 512,
        cores: 1,
        ip_version: 4,
        bandwidth: 102400,
        password: 'longenough1',
      },
      { name: 'sysrt01' },
      image.diskId,
    );
    expect(ops.map((o) => o.type).sort()).toEqual(['disk_create', 'iface_create', 'vm_create']);
    const vmOp = gandi.findOperation(ops, 'vm_create');
    vmId = vmOp?.vmId ?? 0;
    expect(vmId).toBeGreaterThan(0);
    await done(ops);

    const vms = await gandi.vmList(conn, { hostname: 'rt01' });
    expect(vms.map((v) => [v.id, v.state])).toEqual([[vmId, 'running']]);
    expect(await gandi.vmCount(conn)).toBe(1);
    const vm = await gandi.vmInfo(conn, vmId);
    expect(vm).toMatchObject({ hostname: 'rt01', memory: 512, datacenterId: 4, state: 'running' });
    expect(vm.dateCreated).toBeInstanceOf(Date);
    sysDiskId = vm.diskIds[0] ?? 0;
    expect(vm.disks[0]).toMatchObject({
      id: sysDiskId,
      isBootDisk: true,
      name: 'sysrt01',
      source: image.diskId,
    });
    expect(vm.ifaces[0]?.ips?.map((ip) => ip.version).sort()).toEqual([4, 6]);
  });

  it('vmUpdate, vmStop, vmStart, vmReboot', async () => {
    await done(await gandi.vmUpdate(conn, vmId, { cores: 2, console: true }));
    expect(await gandi.vmInfo(conn, vmId)).toMatchObject({ cores: 2, console: true });
    await done(await gandi.vmStop(conn, vmId));
    expect((await gandi.vmInfo(conn, vmId)).state).toBe('halted');
    await done(await gandi.vmStart(conn, vmId));
    await done(await gandi.vmReboot(conn, vmId));
    expect((await gandi.vmInfo(conn, vmId)).state).toBe('running');
  });

  it('disks: create, list, count, info, update, attach, detach, snapshot, rollback', async () => {
    const create = await gandi.diskCreate(conn, {
      datacenter_id: 4,
      name: 'data01',
      size: 1024,
      type: 'data',
    });
    dataDiskId = create.diskId ?? 0;
    await done(create);
    expect((await gandi.diskList(conn, { name: 'data01' })).map((d) => d.id)).toEqual([dataDiskId]);
    expect(await gandi.diskCount(conn)).toBe(2);
    await done(await gandi.diskUpdate(conn, dataDiskId, { size: 2048, snapshot_profile: 1 }));
    expect(await gandi.diskInfo(conn, dataDiskId)).toMatchObject({
      size: 2048,
      snapshotProfileId: 1,
      snapshotProfile: { id: 1, name: 'minimal' },
    });
    await done(await gandi.vmDiskAttach(conn, vmId, dataDiskId, { position: 1 }));
    expect((await gandi.vmInfo(conn, vmId)).diskIds).toEqual([sysDiskId, dataDiskId]);
    await done(await gandi.vmDiskDetach(conn, vmId, dataDiskId));
    expect((await gandi.diskInfo(conn, dataDiskId)).vmIds).toEqual([]);

    const snap = await gandi.diskCreateFrom(
      conn,
      { datacenter_id: 4, name: 'snap01', type: 'snapshot' },
      dataDiskId,
    );
    const snapshotId = snap.diskId ?? 0;
    await done(snap);
    expect(await gandi.diskInfo(conn, snapshotId)).toMatchObject({
      type: 'snapshot',
      source: dataDiskId,
    });
    expect((await gandi.diskInfo(conn, dataDiskId)).snapshotIds).toContain(snapshotId);
    await done(await gandi.diskRollbackFrom(conn, snapshotId));
    await done(await gandi.diskDelete(conn, snapshotId));
  });

  it('ifaces and ips: create, list, count, info, update, attach, detach, reverse', async () => {
    const create = await gandi.ifaceCreate(conn, {
      datacenter_id: 4,
      ip_version: 6,
      bandwidth: 102400,
    });
    ifaceId = create.ifaceId ?? 0;
    await done(create);
    const iface = await gandi.ifaceInfo(conn, ifaceId);
    expect(iface).toMatchObject({ state: 'free', vmId: null, type: 'public' });
    expect(iface.ips?.map((ip) => ip.version)).toEqual([6]);
    expect((await gandi.ifaceList(conn, { state: 'free' })).map((i) => i.id)).toEqual([ifaceId]);
    expect(await gandi.ifaceCount(conn)).toBe(2);
    await done(await gandi.ifaceUpdate(conn, ifaceId, { bandwidth: 204800 }));
    expect((await gandi.ifaceInfo(conn, ifaceId)).bandwidth).toBe(204800);
    await done(await gandi.vmIfaceAttach(conn, vmId, ifaceId));
    expect((await gandi.vmInfo(conn, vmId)).ifaceIds).toContain(ifaceId);
    await done(await gandi.vmIfaceDetach(conn, vmId, ifaceId));

    const ipId = iface.ipIds[0] ?? 0;
    const ips = await gandi.ipList(conn, { iface_id: ifaceId });
    expect(ips.map((ip) => ip.id)).toEqual([ipId]);
    expect(await gandi.ipCount(conn, { version: 6 })).toBe(2);
    await done(await gandi.ipUpdate(conn, ipId, { reverse: 'rt.example.org' }));
    expect((await gandi.ipInfo(conn, ipId)).reverse).toBe('rt.example.org');
    await done(await gandi.ifaceDelete(conn, ifaceId));
    expect(await gandi.ifaceCount(conn)).toBe(1);
  });

  it('vlans: create, list, count, info, update, delete', async () => {
    const create = await gandi.vlanCreate(conn, {
      name: 'rtvlan',
      datacenter_id: 4,
      subnet: '10.8.0.0/24',
    });
    expect(create.type).toBe('vlan_create');
    await done(create);
    const [vlan] = await gandi.vlanList(conn, { name: 'rtvlan' });
    expect(vlan).toMatchObject({
      name: 'rtvlan',
      subnet: '10.8.0.0/24',
      datacenterId: 4,
      datacenter: null,
    });
    const vlanId = vlan?.id ?? 0;
    expect(await gandi.vlanCount(conn)).toBe(1);
    await done(await gandi.vlanUpdate(conn, vlanId, { gateway: '10.8.0.1' }));
    expect(await gandi.vlanInfo(conn, vlanId)).toMatchObject({
      gateway: '10.8.0.1',
      datacenter: { id: 4, dcCode: 'FR-SD3' },
    });
    await done(await gandi.vlanDelete(conn, vlanId));
    expect(await gandi.vlanCount(conn)).toBe(0);
  });

  it('ssh keys: create, list, count, info, delete', async () => {
    const value =
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJvdW5kdHJpcHJvdW5kdHJpcHJvdW5kdHJpcHJ0MDE rt@test';
    const key = await gandi.sshCreate(conn, { name: 'rt', value });
    expect(key).toMatchObject({
      name: 'rt',
      value,
      fingerprint: expect.stringMatching(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/),
    });
    expect(await gandi.sshList(conn)).toEqual([{ ...key, value: null }]);
    expect(await gandi.sshCount(conn)).toBe(1);
    expect(await gandi.sshInfo(conn, key.id)).toEqual(key);
    expect(await gandi.sshDelete(conn, key.id)).toBe(true);
    expect(await gandi.sshCount(conn)).toBe(0);
  });

  it('metrics of the VM', async () => {
    const end = new Date(Date.now());
    const start = new Date(end.getTime() - 6 * 3_600_000);
    const fmt = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
    const series = await gandi.metricQuery(conn, {
      start: fmt(start),
      end: fmt(end),
      query: 'vif.bytes.all',
      resource_id: vmId,
      resource_type: 'vm',
      sampler: { function: 'sum', unit: 'hours', value: 1 },
    });
    expect(series.length).toBeGreaterThan(0);
    expect(series[0]).toMatchObject({ metric: 'vif.bytes', resourceId: vmId, resourceType: 'vm' });
    expect(series[0]?.dimensions.direction).toMatch(/^(in|out)$/);
    expect(series[0]?.points[0]?.timestamp).toBeInstanceOf(Date);
  });

  it('operations: list, count, info', async () => {
    const ops = await gandi.operationList(conn, { vm_id: vmId, sort_by: 'id ASC' });
    expect(ops.length).toBeGreaterThan(3);
    expect(ops.every((op) => op.vmId === vmId)).toBe(true);
    expect(await gandi.operationCount(conn, { vm_id: vmId })).toBe(ops.length);
    const first = ops[0];
    if (!first) throw new Error('no operation');
    expect(await gandi.operationInfo(conn, first.id)).toMatchObject({
      id: first.id,
      type: first.type,
      step: 'DONE',
    });
  });

  it('vmDelete needs a halted VM, then removes it with its system disk', async () => {
    await done(await gandi.vmStop(conn, vmId));
    await done(await gandi.vmDelete(conn, vmId));
    expect(await gandi.vmCount(conn)).toBe(0);
    expect((await fault(gandi.diskInfo(conn, sysDiskId))).causeName).toBe('CAUSE_NOTFOUND');
    await done(await gandi.diskDelete(conn, dataDiskId));
  });
});

describe('vmCreate on an existing system disk', () => {
  it('creates the VM on the disk given as sys_disk_id', async () => {
    const [image] = await gandi.imageList(conn, { datacenter_id: 4, label: 'Debian 9' });
    const copy = await gandi.diskCreateFrom(
      conn,
      { datacenter_id: 4, name: 'sysrt02' },
      image?.diskId ?? 0,
    );
    await done(copy);
    const ops = await gandi.vmCreate(conn, {
      datacenter_id: 4,
      hostname: 'rt02',
      memory: 512,
      ip_version: 4,
      sys_disk_id: copy.diskId ?? 0,
      password: 'longenough2',
    });
    expect(ops.map((o) => o.type).sort()).toEqual(['iface_create', 'vm_create']);
    await done(ops);
    const vm = await gandi.vmInfo(conn, gandi.findOperation(ops, 'vm_create')?.vmId ?? 0);
    expect(vm).toMatchObject({ hostname: 'rt02', diskIds: [copy.diskId], state: 'running' });
  });
});

describe('migration', () => {
  it('vmCanMigrate, vmMigrate and diskMigrate from the closing FR-SD2', async () => {
    const { vmIds } = sim.control.createVms({ apiKey: conn.apiKey, count: 1, datacenterId: 1 });
    const vmId = vmIds[0] ?? 0;
    expect(await gandi.vmCanMigrate(conn, vmId)).toEqual({
      canMigrate: true,
      matched: ['FR-SD2'],
      canMigrateTo: ['FR-SD3'],
    });
    // FR-SD2 accepts new resources only while the account still has some there: disk first.
    const disk = await gandi.diskCreate(conn, { datacenter_id: 1, name: 'old', size: 1024 });
    await done(disk);
    const move = await gandi.diskMigrate(conn, disk.diskId ?? 0, 4);
    expect(move).toMatchObject({ type: 'hosting_migration_disk', diskId: disk.diskId });
    await done(move);
    expect(await gandi.diskInfo(conn, disk.diskId ?? 0)).toMatchObject({
      datacenterId: 4,
      isMigrating: false,
    });

    const op = await gandi.vmMigrate(conn, vmId, false);
    expect(op).toMatchObject({ type: 'hosting_migration_vm', vmId, params: { to_dc_id: 4 } });
    expect((await gandi.vmInfo(conn, vmId)).isMigrating).toBe(true);
    // The copy syncs (its operation ends DONE), then the migration waits for the finalize call
    // as a second operation in RUN (reference §8.1; gandi.cli's `--finalize` looks for it).
    const synced = await gandi.operationInfo(conn, op.id);
    expect(synced).toMatchObject({ step: 'DONE', params: { inner_step: 'wait_finalize' } });
    const [waiting] = await gandi.operationList(conn, {
      type: 'hosting_migration_vm',
      step: 'RUN',
      vm_id: vmId,
    });
    expect(waiting).toMatchObject({ params: { inner_step: 'wait_finalize' } });
    const finalize = await gandi.vmMigrate(conn, vmId, true);
    expect(finalize.id).toBe(waiting?.id);
    await done(finalize);
    expect(await gandi.vmInfo(conn, vmId)).toMatchObject({ datacenterId: 4, isMigrating: false });
  });
});

describe('operationCancel', () => {
  it('cancels an operation that has not run yet', async () => {
    // A frozen clock: operations stay in WAIT until cancelled.
    const frozen = await startSimulator({
      port: 0,
      memory: true,
      now: () => Date.UTC(2026, 0, 1),
      quiet: true,
    });
    try {
      const c: GandiConnection = {
        endpoint: frozen.url,
        apiKey: frozen.control.createAccount().apiKey,
      };
      const op = await gandi.diskCreate(c, { datacenter_id: 4, name: 'never', size: 1024 });
      expect(op.step).toBe('WAIT');
      expect(await gandi.operationCancel(c, op.id)).toBe(true);
      expect((await gandi.operationInfo(c, op.id)).step).toBe('CANCEL');
    } finally {
      await frozen.close();
    }
  });
});

describe('faults from the simulator', () => {
  it('unknown key, malformed key (redacted), no credits, not found', async () => {
    const unknown = await fault(
      gandi.accountInfo({ endpoint: sim.url, apiKey: 'unknownkey00000000000000' }),
    );
    expect(unknown).toMatchObject({
      faultCode: 510150,
      objectName: 'OBJECT_ACCOUNT',
      causeName: 'CAUSE_NORIGHT',
    });
    expect(gandi.userMessage(unknown)).toBe('This API key is not valid (revoked or unknown).');

    const malformed = await fault(gandi.accountInfo({ endpoint: sim.url, apiKey: 'Not A Key!' }));
    expect(malformed).toMatchObject({ faultCode: 500037, causeName: 'CAUSE_BADPARAMETER' });
    expect(malformed.message).not.toContain('Not A Key!');

    const broke = await fault(
      gandi.diskCreate(
        { endpoint: sim.url, apiKey: NO_CREDITS_API_KEY },
        { datacenter_id: 4, name: 'x', size: 1024 },
      ),
    );
    expect(broke.faultCode).toBe(530040);

    const missing = await fault(gandi.vmInfo(conn, 1));
    expect(missing).toMatchObject({ objectName: 'OBJECT_VM', causeName: 'CAUSE_NOTFOUND' });
  });
});

describe('listAll against the simulator', () => {
  it('returns all 1,234 VMs of an account', async () => {
    const apiKey = sim.control.createAccount().apiKey;
    sim.control.createVms({ apiKey, count: 1_234 });
    const c: GandiConnection = { endpoint: sim.url, apiKey };
    const vms = await gandi.listAll(c, gandi.vmList);
    expect(vms).toHaveLength(1_234);
    expect(new Set(vms.map((v) => v.id)).size).toBe(1_234);
    expect(await gandi.vmCount(c)).toBe(1_234);
    // The API's default page is 100: a plain list would have been cut.
    expect(await gandi.vmList(c)).toHaveLength(100);
  });
});
