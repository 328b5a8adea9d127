import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './accounts';
import { startSimulator, type Simulator } from './index';
import { client, rawCall } from './testing/client';
import { compareShapes, shapeOf, type CompareOptions } from './testing/xml-shape';
import type { XmlValue } from './xmlrpc/values';

const FIXTURES = path.resolve(__dirname, '../../shared/fixtures/gandi-xmlrpc');
const PR1234 = path.join(FIXTURES, 'libcloud-pr1234');
const K = DEMO_API_KEY;

/**
 * For each recorded response, the simulator's answer to the same call (raw XML over HTTP) must
 * have the same member names and XML-RPC types, element by element. The scenario builds the
 * objects the recordings show (a VLAN with a private iface attached to a VM, a free public iface,
 * an empty data disk, …) so that every recorded path exists in the answers too.
 */
describe('shape fidelity against the 2018 recordings (libcloud PR #1234)', () => {
  let sim: Simulator;
  const answers = new Map<string, string>();

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      memory: true,
      instant: true,
      quiet: true,
      now: () => Date.UTC(2018, 4, 18, 16, 5, 31),
    });
    const { call } = client(sim.url);
    const raw = async (file: string, method: string, ...params: XmlValue[]) => {
      const xml = await rawCall(sim.url, method, [K, ...params]);
      answers.set(file, xml);
      return xml;
    };
    const idOf = async (method: string, ...params: unknown[]) =>
      ((await call(method, K, ...params)) as { id: number }[])[0]!.id;

    await raw('datacenter_list.xml', 'hosting.datacenter.list');
    await raw('image_list_dc0.xml', 'hosting.image.list');
    await raw('account_info_rating.xml', 'hosting.account.info');
    await raw('vlan_create.xml', 'hosting.vlan.create', { name: 'test_vlan', datacenter_id: 4 });
    const vlans = (await call('hosting.vlan.list', K)) as { id: number }[];
    const vlanId = vlans[0]!.id;
    const vlanOps = (await call('operation.list', K, { type: 'vlan_create' })) as { id: number }[];
    await raw('operation_info.xml', 'operation.info', vlanOps[0]!.id);
    const privateOp = (await call('hosting.iface.create', K, {
      datacenter_id: 4,
      vlan: vlanId,
      ip: '192.168.0.1',
      bandwidth: 204800,
    })) as {
      iface_id: number;
    };
    await call('hosting.iface.create', K, { datacenter_id: 4, ip_version: 6, bandwidth: 1024 });
    await raw('disk_create.xml', 'hosting.disk.create', {
      datacenter_id: 4,
      name: 'libcloud',
      size: 1024,
    });
    await raw('disk_create_from.xml', 'hosting.disk.create_from', { datacenter_id: 4 }, 17945187);
    const emptyDisk = (
      (await call('hosting.disk.list', K, { name: 'libcloud' })) as { id: number }[]
    )[0]!.id;

    const vmId = await idOf('hosting.vm.list', { hostname: 'web01' });
    await raw('vm_stop.xml', 'hosting.vm.stop', vmId);
    await raw('iface_attach.xml', 'hosting.vm.iface_attach', vmId, privateOp.iface_id);
    // Like the recorded VM: a system disk, a public and a private iface.
    await raw('vm_info.xml', 'hosting.vm.info', vmId);
    await raw('disk_attach.xml', 'hosting.vm.disk_attach', vmId, emptyDisk);
    await raw('vm_list.xml', 'hosting.vm.list');
    await raw('disk_list.xml', 'hosting.disk.list');
    await raw('iface_list.xml', 'hosting.iface.list');
    await raw('ip_list.xml', 'hosting.ip.list');
    await raw('vlan_info.xml', 'hosting.vlan.info', vlanId);
    await raw('vlan_list.xml', 'hosting.vlan.list');
    await raw('disk_detach.xml', 'hosting.vm.disk_detach', vmId, emptyDisk);
    await raw('iface_detach.xml', 'hosting.vm.iface_detach', vmId, privateOp.iface_id);
    await raw('disk_info.xml', 'hosting.disk.info', emptyDisk);
    await raw('disk_update.xml', 'hosting.disk.update', emptyDisk, { name: 'renamed' });
    await call('version.info', K); // lets the detach complete
    await raw('disk_delete.xml', 'hosting.disk.delete', emptyDisk);
    const db01 = ((await call('hosting.vm.list', K, { hostname: 'db01' })) as { id: number }[])[0]!
      .id;
    await raw('vm_reboot.xml', 'hosting.vm.reboot', db01);
    await raw(
      'vm_create_from.xml',
      'hosting.vm.create_from',
      {
        datacenter_id: 4,
        hostname: 'node-test2',
        memory: 512,
        cores: 1,
        ip_version: 4,
        bandwidth: 102400,
        password: 'a-long-password',
      },
      { datacenter_id: 4 },
      17945187,
    );
    await raw('vm_delete.xml', 'hosting.vm.delete', vmId);
    const keys = (await call('hosting.ssh.list', K)) as { id: number }[];
    await raw('ssh_list.xml', 'hosting.ssh.list');
    await raw('ssh_info.xml', 'hosting.ssh.info', keys[0]!.id);
    await raw('ssh_delete.xml', 'hosting.ssh.delete', keys[0]!.id);
    await call('hosting.vlan.create', K, { name: 'vlan2', datacenter_id: 4 });
    const vlan2 = ((await call('hosting.vlan.list', K, { name: 'vlan2' })) as { id: number }[])[0]!
      .id;
    await raw('vlan_delete.xml', 'hosting.vlan.delete', vlan2);
  });
  afterAll(() => sim.close());

  const options: Record<string, CompareOptions> = {
    // gandi.cli's mock shows `cycle_day` (rating model); the 2013 recording predates it.
    'account_info_rating.xml': { extraMembers: { $: ['cycle_day'] } },
    // A 2011 recording (hand-edited 2018): the full struct grew since (eta, infos, errortype…).
    'operation_info.xml': { subset: true, emptyStringIsNil: true },
    'vm_delete.xml': { emptyStringIsNil: true },
  };
  // The 2011 share-model account (`products`, `share_definition`): the simulator is rating-only.
  const skipped = new Set(['account_info.xml']);
  const files = fs.readdirSync(PR1234).filter((f) => f.endsWith('.xml') && !skipped.has(f));

  it('covers every 2018 recording', () => {
    expect([...answers.keys()].sort()).toEqual(files.sort());
  });

  it.each(files)('%s', (file) => {
    const recorded = shapeOf(fs.readFileSync(path.join(PR1234, file), 'utf8'));
    const answer = answers.get(file);
    expect(answer, `no answer recorded for ${file}`).toBeDefined();
    expect(compareShapes(recorded, shapeOf(answer!), options[file])).toEqual([]);
  });

  it("vm_create_from.xml: the first answer's steps and ids per operation are the recorded ones", () => {
    // Per operation: type, step, and which of the id members (and date_start) are set or nil.
    const summary = (xml: string) =>
      [...xml.matchAll(/<struct>([\s\S]*?)<\/struct>/g)].map(([, body]) => {
        const member = (name: string) =>
          new RegExp(`<name>${name}</name>\\s*<value>\\s*<(\\w+(?:\\.\\w+)?)\\s*/?>([^<]*)`).exec(
            body!,
          );
        const kind = (name: string) => (member(name)?.[1] === 'nil' ? 'nil' : 'set');
        return [
          member('type')?.[2],
          member('step')?.[2],
          ...['date_start', 'vm_id', 'disk_id', 'iface_id', 'ip_id'].map(kind),
        ];
      });
    const recorded = summary(fs.readFileSync(path.join(PR1234, 'vm_create_from.xml'), 'utf8'));
    expect(recorded.map((r) => r[1])).toEqual(['DONE', 'DONE', 'WAIT']);
    expect(summary(answers.get('vm_create_from.xml')!)).toEqual(recorded);
  });

  it('the comparison itself catches a wrong type and a missing member', () => {
    const recorded = shapeOf(fs.readFileSync(path.join(PR1234, 'vm_stop.xml'), 'utf8'));
    const wrong = answers
      .get('vm_stop.xml')!
      .replace('<name>vm_id</name>\n<value><int>', '<name>vm_id</name>\n<value><string>')
      .replace(/(<name>vm_id<\/name>\n<value><string>\d+)<\/int>/, '$1</string>');
    expect(compareShapes(recorded, shapeOf(wrong))).toContain(
      '$.vm_id: string where the recording has int',
    );
    const missing = answers
      .get('vm_stop.xml')!
      .replace(/<member>\n<name>ip_id<\/name>\n<value><nil\/><\/value><\/member>\n/, '');
    expect(compareShapes(recorded, shapeOf(missing))).toContain("$: member 'ip_id' missing");
  });
});

describe('member names against gandi.cli mocks (for methods the recordings lack)', () => {
  const CLI = path.join(FIXTURES, 'gandi-cli');
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, memory: true, instant: true, quiet: true });
  });
  afterAll(() => sim.close());

  /** Struct member names, recursively (first array item only); a null in the mock matches anything. */
  function keysOf(value: unknown, at = '$', out: string[] = []): string[] {
    if (Array.isArray(value)) {
      if (value.length > 0) keysOf(value[0], `${at}[]`, out);
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) {
        out.push(`${at}.${k}`);
        if (v !== null) keysOf(v, `${at}.${k}`, out);
      }
    }
    return out;
  }
  const mock = (file: string) =>
    (JSON.parse(fs.readFileSync(path.join(CLI, file), 'utf8')) as { response: unknown }).response;

  it('the 2018 set has every method of the older libcloud set', () => {
    const older = fs.readdirSync(path.join(FIXTURES, 'libcloud')).filter((f) => f.endsWith('.xml'));
    expect(older.filter((f) => !fs.existsSync(path.join(PR1234, f)))).toEqual([]);
  });

  it.each([
    ['hosting.rating.list.json', 'hosting.rating.list', []],
    ['hosting.snapshotprofile.list.json', 'hosting.snapshotprofile.list', [{}]],
    ['hosting.vm.can_migrate.json', 'hosting.vm.can_migrate', [350001]],
    ['hosting.account.info.json', 'hosting.account.info', []],
    ['version.info.json', 'version.info', []],
    [
      'hosting.metric.query.vif.json',
      'hosting.metric.query',
      [
        {
          query: 'vif.bytes.all',
          resource_id: [350000],
          resource_type: 'vm',
          start: '2025-03-18 10:00:00',
          end: '2025-03-19 10:00:00',
          sampler: { unit: 'hours', value: 1, function: 'max' },
        },
      ],
    ],
    [
      'hosting.metric.query.vbd.json',
      'hosting.metric.query',
      [
        {
          query: 'vbd.bytes.all',
          resource_id: [350000],
          resource_type: 'vm',
          start: '2025-03-18 10:00:00',
          end: '2025-03-19 10:00:00',
          sampler: { unit: 'hours', value: 1, function: 'max' },
        },
      ],
    ],
  ] as const)('%s', async (file, method, params) => {
    const answer = await client(sim.url).call(method, K, ...params);
    expect(keysOf(answer).sort()).toEqual(keysOf(mock(file)).sort());
  });

  it('hosting.disk.list_kernels has the mock flavours; operation.list items carry its members', async () => {
    const { call } = client(sim.url);
    expect(Object.keys((await call('hosting.disk.list_kernels', K, 1)) as object).sort()).toEqual(
      Object.keys(mock('hosting.disk.list_kernels.1.json') as object).sort(),
    );
    const [web01] = (await call('hosting.vm.list', K, { hostname: 'web01' })) as { id: number }[];
    await call('hosting.vm.reboot', K, web01!.id);
    const [op] = (await call('operation.list', K)) as Record<string, unknown>[];
    const [recorded] = mock('operation.list.json') as Record<string, unknown>[];
    // The mock's first item is a domain renewal: its `cert_id` is not a hosting member.
    const expected = Object.keys(recorded!).filter((k) => k !== 'cert_id');
    expect(
      Object.keys(op!)
        .filter((k) => expected.includes(k))
        .sort(),
    ).toEqual(expected.sort());
  });
});
