/**
 * The VM DAL against the real simulator over HTTP: server-side paging and filters, IPs of the
 * visible page, the catalogue the wizard gets, and one VM per wizard token under a double submit.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@/simulator';
import { vmCount, vmInfo, type GandiConnection } from '@/lib/gandi';
import type { VerifiedSession } from '@/lib/dal/auth';
import { vmListQuerySchema } from '@/lib/validation/vm';
import { createVmOnce, deleteVmStep, findCreation, resizeVm } from './vm-mutations';
import { getVmDetail, getVmPage, getWizardCatalog, vmListFilters } from './vms';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true });
  // The wizard's idempotency records live in the shared storage: a private SQLite file here.
  process.env.PORTAL_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'vms-test-'));
});
afterAll(async () => {
  await sim.close();
});

function freshAccount(): { conn: GandiConnection; session: VerifiedSession } {
  const { apiKey, handle } = sim.control.createAccount();
  const conn = { endpoint: sim.url, apiKey };
  return { conn, session: { conn, handle, endpoint: { id: 'simulator', label: 'Simulator' } } };
}

const query = (params: Record<string, string>) => vmListQuerySchema.parse(params);

describe('vmListFilters', () => {
  it('turns the URL query into API filters, the search as a ~hostname pattern', () => {
    expect(vmListFilters(query({ state: 'halted', dc: '4', q: 'web' }))).toEqual({
      state: 'halted',
      datacenter_id: 4,
      '~hostname': '%web%',
    });
    expect(vmListFilters(query({}))).toEqual({});
  });
});

describe('getVmPage', () => {
  it('pages, filters and sorts through the API and attaches the IPs of the page', async () => {
    const { conn } = freshAccount();
    sim.control.createVms({ apiKey: conn.apiKey, count: 60 });
    sim.control.createVms({ apiKey: conn.apiKey, count: 2, datacenterId: 5 });

    const second = await getVmPage(conn, query({ page: '2' }));
    expect(second.total).toBe(62);
    expect(second.rows).toHaveLength(25);
    expect(second.rows[0]?.hostname).toBe('bulk00026');
    for (const row of second.rows) {
      expect(row.ipv4.length + row.ipv6.length).toBeGreaterThan(0);
      expect(row.datacenter).toBe('FR-SD3');
    }

    const last = await getVmPage(conn, query({ page: '3', sort: '-hostname' }));
    expect(last.rows.map((row) => row.hostname).slice(-2)).toEqual(['bulk00002', 'bulk00001']);

    const searched = await getVmPage(conn, query({ q: 'bulk0005' }));
    expect(searched.total).toBe(10);
    const inDc5 = await getVmPage(conn, query({ dc: '5' }));
    expect(inDc5.rows.map((row) => row.datacenter)).toEqual(['FR-SD5', 'FR-SD5']);
  });

  it('gives an empty page for an empty account', async () => {
    const { conn } = freshAccount();
    expect(await getVmPage(conn, query({}))).toMatchObject({ rows: [], total: 0 });
  });
});

describe('creation, resize and delete', () => {
  const input = (token: string, hostname: string, imageDiskId: number, imageSize: number) => ({
    token,
    datacenter_id: 4,
    src_disk_id: imageDiskId,
    hostname,
    cores: 1,
    memory: 1024,
    disk_size: Math.ceil(imageSize / 1024) * 1024,
    ip_mode: 'dual' as const,
    bandwidth: 102400,
    password: 'longenough',
    ssh_key_ids: [],
  });

  it('creates one VM for two concurrent submits of the same token, and remembers it', async () => {
    const { conn, session } = freshAccount();
    const catalog = await getWizardCatalog(conn);
    const image = catalog.images.find((img) => img.datacenterId === 4 && !img.deprecated);
    if (!image) throw new Error('no image in datacenter 4');
    const token = '0b5e2a44-2c1d-4a9e-8a53-1f0c9a1d2e3f';
    const submit = () => createVmOnce(session, input(token, 'once', image.diskId, image.size ?? 0));

    const [first, second] = await Promise.all([submit(), submit()]);
    expect(second).toEqual(first);
    expect(first.operations.map((op) => op.type).sort()).toEqual([
      'disk_create',
      'iface_create',
      'vm_create',
    ]);
    expect(await vmCount(conn)).toBe(1);
    expect(await findCreation(session, token)).toEqual(first);
    // Another account with the same token is another creation.
    const other = freshAccount();
    expect(await findCreation(other.session, token)).toBeNull();
  });

  it('refuses a disk smaller than the image, on its field, and lets the token be reused', async () => {
    const { conn, session } = freshAccount();
    const catalog = await getWizardCatalog(conn);
    const image = catalog.images.find((img) => img.datacenterId === 4 && (img.size ?? 0) > 1024);
    if (!image) throw new Error('no image above 1 GB in datacenter 4');
    const token = '7d8c1b2a-3e4f-4a5b-9c6d-7e8f9a0b1c2d';
    await expect(
      createVmOnce(session, { ...input(token, 'small', image.diskId, 0), disk_size: 1024 }),
    ).rejects.toMatchObject({ fieldErrors: { disk_size: [expect.stringMatching(/at least/)] } });
    const created = await createVmOnce(
      session,
      input(token, 'small', image.diskId, image.size ?? 0),
    );
    expect(created.vmId).not.toBeNull();
  });

  it('resizes past vm_max_memory only with the restart agreed, and deletes a running VM in two steps', async () => {
    const { conn } = freshAccount();
    const [vmId] = sim.control.createVms({ apiKey: conn.apiKey, count: 1 }).vmIds;
    if (vmId === undefined) throw new Error('no VM');
    const vm = await vmInfo(conn, vmId);
    const above = vm.vmMaxMemory * 2;

    await expect(resizeVm(conn, vmId, { memory: above, cores: 1 }, false)).rejects.toMatchObject({
      fieldErrors: { accept_reboot: [expect.any(String)] },
    });
    const resized = await resizeVm(conn, vmId, { memory: above, cores: 1 }, true);
    expect(resized.needsReboot).toBe(true);
    expect((await vmInfo(conn, vmId)).memory).toBe(above);

    await expect(deleteVmStep(conn, vmId, 'wrong')).rejects.toMatchObject({
      fieldErrors: { confirm_hostname: [expect.any(String)] },
    });
    const stopping = await deleteVmStep(conn, vmId, vm.hostname);
    expect(stopping.phase).toBe('stopping');
    expect((await vmInfo(conn, vmId)).state).toBe('halted');
    const deleting = await deleteVmStep(conn, vmId, vm.hostname);
    expect(deleting.phase).toBe('deleting');
    expect(await vmCount(conn)).toBe(0);
  });

  it('shows a VM with its disks, interfaces and operations', async () => {
    const { conn, session } = freshAccount();
    const catalog = await getWizardCatalog(conn);
    const image = catalog.images.find((img) => img.datacenterId === 4 && !img.deprecated);
    if (!image) throw new Error('no image');
    const created = await createVmOnce(
      session,
      input('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'shown', image.diskId, image.size ?? 0),
    );
    if (created.vmId === null) throw new Error('no vm id');
    const detail = await getVmDetail(conn, created.vmId);
    expect(detail.vm.hostname).toBe('shown');
    expect(detail.vm.disks[0]?.name).toBe('sys_shown');
    expect(detail.vm.ifaces[0]?.ips?.length).toBeGreaterThan(0);
    expect(detail.datacenter?.dcCode).toBe('FR-SD3');
    expect(detail.operations.map((op) => op.type)).toContain('vm_create');
    expect(detail.runningOperationIds).toEqual([]);
  });
});
