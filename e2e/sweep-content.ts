/**
 * @file The realistic account the page sweeps (accessibility, phone width) visit: long names
 * everywhere, a VM with its console on, extra public and private interfaces, a VLAN, a data disk
 * with snapshots, SSH keys, finished and running operations — all made through the simulator's
 * API, as another tool on the same account would. Plus the list of pages to visit.
 */
import { randomUUID } from 'node:crypto';
import { PUBLIC_KEY, simControl, simRpc } from './fixtures';

/** FR-SD3 (open); FR-SD2 (closing: a migration out of it stays running until finalized). */
const DC = 4;
const CLOSING_DC = 1;

export const LONG = {
  hostname: 'customer-portal-frontend-production-paris-eu-west-node-01',
  vlan: 'backend-private-network-for-databases-and-caches',
  disk: 'postgresql-primary-data-volume-for-customer-portal',
  sshKey: 'deploy key of the continuous integration runners (build farm, Paris)',
  loadBalancer: 'customer-portal-frontend-load-balancer-paris-eu-west',
} as const;

function intMember(xml: string, name: string): number {
  const match = new RegExp(`<name>${name}</name>\\s*<value>\\s*<(?:int|i4)>(\\d+)<`).exec(xml);
  if (!match) throw new Error(`no ${name} in ${xml.slice(0, 200)}`);
  return Number(match[1]);
}

/** Waits until an operation is DONE (the simulator runs at --speed 20: well under a second). */
async function done(apiKey: string, responseXml: string): Promise<string> {
  const id = intMember(responseXml, 'id');
  for (let tries = 0; tries < 200; tries++) {
    const xml = await simRpc('operation.info', apiKey, id);
    if (/<name>step<\/name>\s*<value>\s*(<string>)?DONE</.test(xml)) return xml;
    if (/<name>step<\/name>\s*<value>\s*(<string>)?(ERROR|CANCEL)</.test(xml))
      throw new Error(`operation ${id} failed: ${xml.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`operation ${id} did not finish`);
}

export interface SweepContent {
  vmId: number;
  diskId: number;
  ifaceId: number;
  vlanId: number;
  loadBalancerId: number;
}

/** Fills `apiKey`'s account; returns the ids the detail pages need. */
export async function fillAccount(apiKey: string): Promise<SweepContent> {
  const { vmIds } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey,
    count: 3,
    datacenterId: DC,
  });
  const [vmId, , halted] = vmIds as [number, number, number];
  await done(
    apiKey,
    await simRpc('hosting.vm.update', apiKey, vmId, {
      hostname: LONG.hostname,
      console: true,
      password: 'sweep-root-password-1',
    }),
  );
  await done(apiKey, await simRpc('hosting.vm.stop', apiKey, halted));

  // A second public interface (IPv4 + IPv6) and a private one in a VLAN, both on the VM.
  await done(
    apiKey,
    await simRpc('hosting.vlan.create', apiKey, {
      name: LONG.vlan,
      datacenter_id: DC,
      subnet: '10.240.128.0/24',
      gateway: '10.240.128.1',
    }),
  );
  // vlan_create names no VLAN id: look it up by its (unique) name.
  const vlanId = intMember(await simRpc('hosting.vlan.list', apiKey, { name: LONG.vlan }), 'id');
  const publicOp = await done(
    apiKey,
    await simRpc('hosting.iface.create', apiKey, { datacenter_id: DC, ip_version: 4 }),
  );
  const ifaceId = intMember(publicOp, 'iface_id');
  await done(apiKey, await simRpc('hosting.vm.iface_attach', apiKey, vmId, ifaceId));
  const privateOp = await done(
    apiKey,
    await simRpc('hosting.iface.create', apiKey, {
      datacenter_id: DC,
      ip_version: 4,
      vlan: vlanId,
      ip: '10.240.128.200',
    }),
  );
  await done(
    apiKey,
    await simRpc('hosting.vm.iface_attach', apiKey, vmId, intMember(privateOp, 'iface_id')),
  );

  // A data disk with a snapshot profile, attached, and two snapshots of it.
  const diskOp = await done(
    apiKey,
    await simRpc('hosting.disk.create', apiKey, {
      datacenter_id: DC,
      name: LONG.disk.slice(0, 40),
      size: 20480,
      type: 'data',
      snapshot_profile: 2,
    }),
  );
  const diskId = intMember(diskOp, 'disk_id');
  await done(apiKey, await simRpc('hosting.vm.disk_attach', apiKey, vmId, diskId));
  for (const suffix of ['before-upgrade-to-postgresql-17', 'nightly-2026-12-02']) {
    await done(
      apiKey,
      await simRpc(
        'hosting.disk.create_from',
        apiKey,
        { datacenter_id: DC, name: `snap-${suffix}`, type: 'snapshot' },
        diskId,
      ),
    );
  }

  await simRpc('hosting.ssh.create', apiKey, { value: PUBLIC_KEY, name: LONG.sshKey });
  await simRpc('hosting.rproxy.create', apiKey, { datacenter_id: DC, name: LONG.loadBalancer });
  const loadBalancerId = intMember(await simRpc('hosting.rproxy.list', apiKey), 'id');

  // Something running: a migration out of a closing datacenter waits for its finalization.
  const { vmIds: closing } = await simControl<{ vmIds: number[] }>('vms', {
    apiKey,
    count: 1,
    datacenterId: CLOSING_DC,
  });
  await simRpc('hosting.vm.migrate', apiKey, closing[0] as number, false);
  return { vmId, diskId, ifaceId, vlanId, loadBalancerId };
}

/** Every page of a personal session, with the ids of `content`. */
export function personalPages(content: SweepContent): string[] {
  const { vmId, diskId, ifaceId, vlanId, loadBalancerId } = content;
  return [
    '/',
    '/vms',
    // With its idempotency token already: without one the page redirects once loaded.
    `/vms/new?token=${randomUUID()}`,
    `/vms/${vmId}`,
    `/vms/${vmId}/console`,
    `/vms/${vmId}/metrics`,
    `/vms/${vmId}/migration`,
    '/vms/999999',
    '/disks',
    '/disks/new',
    `/disks/${diskId}`,
    '/network',
    '/network/new',
    `/network/interfaces/${ifaceId}`,
    '/network/vlans',
    `/network/vlans/${vlanId}`,
    '/ssh-keys',
    '/load-balancers',
    `/load-balancers/${loadBalancerId}`,
    '/datacenters',
    '/images',
    '/operations',
    '/team',
  ];
}

/** The pages of a team workspace's owner (the personal pages above look the same in team mode). */
export const TEAM_PAGES = [
  '/',
  '/team',
  '/team/members',
  '/team/quotas',
  '/team/templates',
  '/team/approvals',
  '/team/audit',
] as const;
