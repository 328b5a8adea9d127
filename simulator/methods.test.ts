import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { PRICES } from './state/catalog';
import { startWithClock, type Harness, type OpStruct } from './testing/harness';

const K = DEMO_API_KEY;

describe('catalog and account methods', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWithClock({ instant: true });
  });
  afterAll(() => h.close());

  it('account.info in the rating model', async () => {
    expect(await h.demo('hosting.account.info')).toMatchObject({
      handle: 'DA1234-GANDI',
      rating_enabled: true,
      credits: 2335360,
      products: null,
      share_definition: null,
      resources: { available: null, granted: null, used: null, expired: null },
    });
  });

  it('rating.list prices what the account runs; catalog.list is the price table', async () => {
    const [rating] = (await h.demo('hosting.rating.list')) as Record<string, unknown>[];
    // Seed: web01 (1 core, 1 GB, Debian 9: 3 GB disk) + db01 (2 cores, 2 GB, Ubuntu 10.04: 2 GB disk), two public IPv4.
    expect(rating).toMatchObject({
      cpu: { default: 3 * PRICES.core },
      ram: { default: 3 * PRICES.ramGb },
      disk_data: { default: 5 * PRICES.diskGb },
      ip: { v4_public: 2 * PRICES.ipv4, v6: 0 },
      bw_out: null,
    });
    expect(rating!.timestamp).toBeInstanceOf(Date);
    const catalog = (await h.demo('hosting.catalog.list')) as {
      resource: string;
      flavour: string;
      credits_per_hour: number;
    }[];
    expect(
      catalog.find((c) => c.resource === 'ip' && c.flavour === 'v4_public')?.credits_per_hour,
    ).toBe(PRICES.ipv4);
  });

  it('image.info, list_kernels, list_options, snapshotprofile.list', async () => {
    const [image] = (await h.demo('hosting.image.list', { disk_id: 17945187 })) as {
      id: number;
      label: string;
    }[];
    expect(await h.demo('hosting.image.info', image!.id)).toMatchObject({
      label: 'Debian 8',
      datacenter_id: 4,
      disk_id: 17945187,
    });
    expect((await h.fault('hosting.image.info', K, 1)).faultCode).toBe(532542);
    const kernels = (await h.demo('hosting.disk.list_kernels', 4)) as Record<string, string[]>;
    expect(kernels['linux-hvm']).toEqual(['3.12-x86_64 (hvm)', 'grub', 'raw']);
    expect(await h.demo('hosting.disk.list_options', '3.2-x86_64')).toMatchObject({
      console: ['ttyS0', 'hvc0', 'xvc0'],
    });
    expect(await h.demo('hosting.disk.list_options', 'grub')).toEqual({});
    expect((await h.fault('hosting.disk.list_options', K, 'nope')).faultCode).toBe(530401);
    const profiles = (await h.demo('hosting.snapshotprofile.list', { name: 'security' })) as {
      id: number;
      quota_factor: number;
    }[];
    expect(profiles).toEqual([
      {
        id: 3,
        kept_total: 10,
        name: 'security',
        quota_factor: 2,
        schedules: [
          { kept_version: 3, name: 'hourly6' },
          { kept_version: 6, name: 'daily' },
          { kept_version: 1, name: 'weekly4' },
        ],
      },
    ]);
  });
});

describe('metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWithClock({ instant: true });
  });
  afterAll(() => h.close());

  const query = (overrides: Record<string, unknown> = {}) =>
    h.demo('hosting.metric.query', {
      query: 'vif.bytes.all',
      resource_id: [350000],
      resource_type: 'vm',
      start: '2025-12-31 00:00:00',
      end: '2026-01-01 00:00:00',
      sampler: { unit: 'hours', value: 1, function: 'max' },
      ...overrides,
    }) as Promise<
      {
        direction?: string[];
        metric: string;
        points: { timestamp: string; value: number }[];
        resource_id: number;
      }[]
    >;

  it('splits vif by direction in/out and vbd by read/write, honouring start, end and sampler', async () => {
    const vif = await query();
    expect(vif.map((s) => s.direction)).toEqual([['in'], ['out']]);
    expect(vif[0]).toMatchObject({
      metric: 'vif.bytes',
      resource_id: 350000,
      resource_type: 'vm',
      type: ['public'],
    });
    expect(vif[0]!.points).toHaveLength(24);
    expect(vif[0]!.points[0]!.timestamp).toBe('2025-12-31T00:00:00');
    expect(vif[0]!.points[23]!.timestamp).toBe('2025-12-31T23:00:00');
    expect(vif[0]!.points.every((p) => p.value > 0)).toBe(true);
    const vbd = await query({
      query: 'vbd.bytes.all',
      sampler: { unit: 'minutes', value: 30, function: 'avg' },
    });
    expect(vbd.map((s) => s.direction)).toEqual([['read'], ['write']]);
    expect(vbd[0]!.points).toHaveLength(48);
  });

  it('is deterministic per resource and timestamp, and differs between resources', async () => {
    const a = await query();
    const b = await query();
    expect(a).toEqual(b);
    const other = await query({ resource_id: 350001 });
    expect(other[0]!.points.map((p) => p.value)).not.toEqual(a[0]!.points.map((p) => p.value));
  });

  it('refuses foreign resources, unknown queries and bad dates', async () => {
    const [otherVm] = (await h.call('hosting.vm.list', 'otheraccount000000000002')) as {
      id: number;
    }[];
    await expect(query({ resource_id: otherVm!.id })).rejects.toMatchObject({ faultCode: 530242 });
    await expect(query({ query: 'cpu.magic' })).rejects.toMatchObject({ faultCode: 501237 });
    await expect(query({ start: 'yesterday' })).rejects.toMatchObject({ faultCode: 501337 });
    expect(await h.demo('hosting.metric.available', { resource: 'iface' })).toEqual([
      { metrics: ['vif.bytes.all', 'vif.packets.all'], resource: 'iface' },
    ]);
  });
});

describe('the other mutators', () => {
  let h: Harness;
  let web01: { id: number; disks_id: number[]; ifaces_id: number[] };
  beforeAll(async () => {
    h = await startWithClock({ instant: true });
    web01 = ((await h.demo('hosting.vm.list', { hostname: 'web01' })) as (typeof web01)[])[0]!;
  });
  afterAll(() => h.close());
  const settle = () => h.demo('version.info');

  it('vm.update: console, hostname, cores; memory up to vm_max_memory', async () => {
    const op = (await h.demo('hosting.vm.update', web01.id, {
      console: true,
      hostname: 'web01b',
      cores: 2,
      memory: 2048,
    })) as OpStruct;
    expect(op.type).toBe('vm_update');
    await settle();
    expect(await h.demo('hosting.vm.info', web01.id)).toMatchObject({
      console: 1,
      hostname: 'web01b',
      cores: 2,
      memory: 2048,
    });
    await h.demo('hosting.vm.update', web01.id, { vm_max_memory: 4096, memory: 4096 });
    await settle();
    expect(await h.demo('hosting.vm.info', web01.id)).toMatchObject({
      memory: 4096,
      vm_max_memory: 4096,
    });
  });

  it('disk.update: name, size (grow), kernel and cmdline, snapshot profile and its removal', async () => {
    const diskId = web01.disks_id[0]!;
    await h.demo('hosting.disk.update', diskId, {
      name: 'sys',
      size: 4096,
      kernel: '3.2-x86_64',
      cmdline: 'root=/dev/xvda1 ro',
      snapshot_profile: 2,
    });
    await settle();
    expect(await h.demo('hosting.disk.info', diskId)).toMatchObject({
      name: 'sys',
      size: 4096,
      total_size: Math.round(4096 * 1.7),
      kernel_version: '3.2-x86_64',
      kernel_cmdline: { root: '/dev/xvda1', ro: true },
      snapshot_profile: { id: 2, name: 'full_week' },
    });
    expect(
      ((await h.demo('hosting.disk.list', { id: diskId })) as { snapshot_profile_id: number }[])[0]!
        .snapshot_profile_id,
    ).toBe(2);
    await h.demo('hosting.disk.update', diskId, { snapshot_profile: '' });
    await settle();
    expect(await h.demo('hosting.disk.info', diskId)).toMatchObject({
      snapshot_profile: null,
      total_size: 4096,
    });
  });

  it('iface.update bandwidth (a <double>), ip.update reverse', async () => {
    const ifaceId = web01.ifaces_id[0]!;
    await h.demo('hosting.iface.update', ifaceId, { bandwidth: 204800 });
    await settle();
    const iface = (await h.demo('hosting.iface.info', ifaceId)) as {
      bandwidth: number;
      ips: { id: number; version: number }[];
    };
    expect(iface.bandwidth).toBe(204800);
    const v4 = iface.ips.find((i) => i.version === 4)!;
    const op = (await h.demo('hosting.ip.update', v4.id, {
      reverse: 'www.example.org',
    })) as OpStruct;
    expect(op.type).toBe('ip_update');
    await settle();
    expect(await h.demo('hosting.ip.info', v4.id)).toMatchObject({
      reverse: 'www.example.org',
      vm_id: web01.id,
    });
    expect(await h.demo('hosting.ip.count', { vm_hostname: 'web01b' })).toBe(2);
  });

  it('disk.migrate moves a detached disk from a closing datacenter', async () => {
    const op = (await h.demo('hosting.disk.create', {
      datacenter_id: 1,
      name: 'old',
      size: 1024,
    })) as OpStruct;
    await settle();
    expect((await h.fault('hosting.disk.migrate', K, op.disk_id, 5)).faultCode).toBe(530451);
    const mig = (await h.demo('hosting.disk.migrate', op.disk_id, 4)) as OpStruct;
    expect(mig.type).toBe('hosting_migration_disk');
    await settle();
    expect(await h.demo('hosting.disk.info', op.disk_id)).toMatchObject({
      datacenter_id: 4,
      is_migrating: false,
    });
  });

  it('vlan.update renames and sets the gateway; operation.list filters by type and step', async () => {
    await h.demo('hosting.vlan.create', { name: 'lan', datacenter_id: 4 });
    await settle();
    const [vlan] = (await h.demo('hosting.vlan.list', { name: 'lan' })) as { id: number }[];
    expect(
      (await h.fault('hosting.vlan.update', K, vlan!.id, { gateway: '10.0.0.1' })).faultCode,
    ).toBe(505337);
    await h.demo('hosting.vlan.update', vlan!.id, { name: 'lan2', gateway: '192.168.0.254' });
    await settle();
    expect(await h.demo('hosting.vlan.info', vlan!.id)).toMatchObject({
      name: 'lan2',
      gateway: '192.168.0.254',
    });
    const ops = (await h.demo('operation.list', {
      type: ['vlan_create', 'vlan_update'],
      step: 'DONE',
      sort_by: 'id DESC',
    })) as OpStruct[];
    expect(ops.map((o) => o.type)).toEqual(['vlan_update', 'vlan_create']);
    expect(await h.demo('operation.count', { type: 'vlan_update' })).toBe(1);
  });
});
