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
