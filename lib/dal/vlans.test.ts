/**
 * The VLAN, network and SSH key DAL against the in-process simulator over real HTTP (operations
 * complete at the next request): the API's refusals moved onto the field concerned, and the reasons.
 */
import { describe, expect, it } from 'vitest';
import { refusal, simulatorPerFile } from '@/lib/testing/simulator-per-file';
import { ifaceInfo, ipList, operationInfo, vlanList } from '@/lib/gandi';
import {
  attachIface,
  createPublicIface,
  deleteIface,
  getCreateIpChoices,
  getIpPage,
  setReverse,
} from './network';
import { addSshKey, getSshKeyPage } from './ssh-keys';
import {
  createPrivateIface,
  createPrivateIfaceForVm,
  createVlan,
  deleteVlan,
  getVlanDetail,
  updateVlan,
} from './vlans';
import { addSshKeySchema } from '@/lib/validation/ssh-key';

const api = simulatorPerFile();

async function vlanNamed(name: string) {
  const [vlan] = await vlanList(api.conn, { name });
  if (!vlan) throw new Error(`no VLAN ${name}`);
  return vlan;
}

const vlanInput = { name: 'backend', datacenter_id: 4, subnet: '10.0.0.0/24', gateway: '10.0.0.1' };

describe('VLANs', () => {
  it('puts a duplicate name, refused by the API, on the name field', async () => {
    await createVlan(api.conn, vlanInput);
    const err = await refusal(
      createVlan(api.conn, { ...vlanInput, subnet: '10.1.0.0/24', gateway: '10.1.0.1' }),
    );
    expect(err.fieldErrors?.name?.[0]).toMatch(/already exists/);
  });

  it('checks a new gateway against the real subnet, and renames', async () => {
    await createVlan(api.conn, vlanInput);
    const vlan = await vlanNamed('backend');
    const bad = await refusal(
      updateVlan(api.conn, { vlan_id: vlan.id, name: 'backend', gateway: '10.9.0.1' }),
    );
    expect(bad.fieldErrors?.gateway?.[0]).toMatch(/inside 10\.0\.0\.0\/24/);
    const nothing = await refusal(
      updateVlan(api.conn, { vlan_id: vlan.id, name: 'backend', gateway: '10.0.0.1' }),
    );
    expect(nothing.message).toMatch(/Nothing to change/);
    await updateVlan(api.conn, { vlan_id: vlan.id, name: 'front', gateway: '10.0.0.254' });
    const detail = await getVlanDetail(api.conn, vlan.id);
    expect(detail?.vlan).toMatchObject({ name: 'front', gateway: '10.0.0.254' });
  });

  it('refuses a private address outside the subnet before asking, and a used one after', async () => {
    await createVlan(api.conn, vlanInput);
    const vlan = await vlanNamed('backend');
    const outside = await refusal(
      createPrivateIface(api.conn, { vlan_id: vlan.id, ip: '10.0.1.5' }),
    );
    expect(outside.fieldErrors?.ip?.[0]).toMatch(/inside 10\.0\.0\.0\/24/);
    const created = await createPrivateIface(api.conn, { vlan_id: vlan.id, ip: '10.0.0.5' });
    await operationInfo(api.conn, created.operations[0]?.id ?? 0);
    const again = await refusal(createPrivateIface(api.conn, { vlan_id: vlan.id, ip: '10.0.0.5' }));
    expect(again.fieldErrors?.ip?.[0]).toBe('This address is already used in the VLAN.');
    const [ip] = await ipList(api.conn, { iface_id: created.ifaceId ?? 0 });
    expect(ip?.ip).toBe('10.0.0.5');
  });

  it('explains a refused deletion with the interfaces and VMs that use the VLAN', async () => {
    const [vmId] = api.vms(1, 4);
    await createVlan(api.conn, vlanInput);
    const vlan = await vlanNamed('backend');
    const created = await createPrivateIface(api.conn, { vlan_id: vlan.id, ip: '10.0.0.7' });
    await operationInfo(api.conn, created.operations[0]?.id ?? 0);
    await attachIface(api.conn, created.ifaceId ?? 0, vmId ?? 0);
    await ifaceInfo(api.conn, created.ifaceId ?? 0);
    const wrongName = await refusal(deleteVlan(api.conn, vlan.id, 'backend2'));
    expect(wrongName.fieldErrors?.confirm_name?.[0]).toMatch(/Type backend exactly/);
    const used = await refusal(deleteVlan(api.conn, vlan.id, 'backend'));
    expect(used.message).toBe(
      'Gandi refused: this VLAN is still in use by 1 interface (10.0.0.7 on bulk00001). Detach and delete it first.',
    );
  });

  it('creates the private interface of a VM created on the VLAN, and waits for it', async () => {
    await createVlan(api.conn, vlanInput);
    const vlan = await vlanNamed('backend');
    const other = await refusal(createPrivateIfaceForVm(api.conn, vlan.id, 3));
    expect(other.fieldErrors?.vlan_id?.[0]).toMatch(/datacenter/);
    const op = await createPrivateIfaceForVm(api.conn, vlan.id, 4);
    expect(op.step).toBe('DONE');
    const iface = await ifaceInfo(api.conn, op.ifaceId ?? 0);
    expect(iface).toMatchObject({ type: 'private', state: 'free', vlan: { id: vlan.id } });
  });
});

describe('public interfaces and IPs', () => {
  it('refuses to attach to a VM of another datacenter before creating anything', async () => {
    const [vmId] = api.vms(1, 3);
    const err = await refusal(
      createPublicIface(api.conn, {
        datacenter_id: 4,
        ip_mode: 'dual',
        bandwidth: 102_400,
        vm_id: vmId,
      }),
    );
    expect(err.fieldErrors?.vm_id?.[0]).toMatch(/same datacenter/);
    expect((await getIpPage(api.conn, { page: 1, sort: '-created' })).total).toBe(2);
  });

  it('creates IPv6 only, sets a reverse, refuses to delete while attached', async () => {
    const [vmId] = api.vms(1, 4);
    const created = await createPublicIface(api.conn, {
      datacenter_id: 4,
      ip_mode: 'ipv6',
      bandwidth: 10_240,
    });
    const ifaceId = created.ifaceId ?? 0;
    await operationInfo(api.conn, created.operations[0]?.id ?? 0);
    const iface = await ifaceInfo(api.conn, ifaceId);
    expect(iface.ips?.map((ip) => ip.version)).toEqual([6]);
    await attachIface(api.conn, ifaceId, vmId ?? 0);
    await ifaceInfo(api.conn, ifaceId);
    expect((await refusal(deleteIface(api.conn, ifaceId))).message).toMatch(/detach it before/);
    expect((await refusal(attachIface(api.conn, ifaceId, vmId ?? 0))).message).toMatch(
      /already attached/,
    );
    await setReverse(api.conn, iface.ips?.[0]?.id ?? 0, 'v6.example.com');
    const page = await getIpPage(api.conn, { page: 1, sort: '-created', version: '6', vm: 'bulk' });
    expect(page.rows.map((row) => row.reverse)).toContain('v6.example.com');
    expect(page.rows.every((row) => row.version === 6 && row.vm?.hostname === 'bulk00001')).toBe(
      true,
    );
  });
});

describe('SSH keys', () => {
  const key = addSshKeySchema.parse({
    name: 'laptop',
    value:
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC214ofNV5cNj3/xO/lux3WZ1Yb/pDowmkl/rp0aYvDz me@laptop',
  });
  it('adds a key with the fingerprint the API computes, refuses it twice on the right field', async () => {
    const added = await addSshKey(api.conn, key);
    expect(added.fingerprint).toBe(key.value.fingerprint);
    const twice = await refusal(addSshKey(api.conn, { ...key, name: 'other' }));
    expect(twice.fieldErrors?.value?.[0]).toBe('This key is already saved as "laptop".');
    const page = await getSshKeyPage(api.conn, 1);
    expect(page.keys).toEqual([
      { id: added.id, name: 'laptop', fingerprint: key.value.fingerprint },
    ]);
  });
});

describe('what the new public IP form offers', () => {
  it('open datacenters first (the default), a closing one last and labelled, closed ones not at all', async () => {
    const { datacenters } = await getCreateIpChoices(api.conn);
    expect(datacenters[0]?.closing).toBe(false);
    const closing = datacenters.filter((dc) => dc.closing);
    expect(closing.map((dc) => dc.label)).toEqual([
      'FR-SD2 — Equinix Paris (closing: only where you already have resources)',
    ]);
    expect(datacenters.at(-1)?.closing).toBe(true);
    expect(datacenters.some((dc) => dc.label.startsWith('US-BA1'))).toBe(false);
    // The default is one where a new account can create: the API accepts it.
    const created = await createPublicIface(api.conn, {
      datacenter_id: datacenters[0]!.id,
      ip_mode: 'ipv6',
      bandwidth: 102400,
      vm_id: undefined,
    });
    expect(created.operations).toHaveLength(1);
  });
});
