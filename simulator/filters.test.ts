import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likeToRegExp } from './filters';
import { startWithClock, type Harness } from './testing/harness';

interface VmItem {
  id: number;
  hostname: string;
  memory: number;
  state: string;
  datacenter_id: number;
}

describe('list options', () => {
  let h: Harness;
  let apiKey: string;
  const list = (opts?: Record<string, unknown>) =>
    h.call('hosting.vm.list', apiKey, ...(opts ? [opts] : [])) as Promise<VmItem[]>;
  const count = (opts?: Record<string, unknown>) =>
    h.call('hosting.vm.count', apiKey, ...(opts ? [opts] : [])) as Promise<number>;

  beforeAll(async () => {
    h = await startWithClock({ instant: true });
    apiKey = h.sim.control.createAccount({ credits: 1000 }).apiKey;
    h.sim.control.createVms({ apiKey, count: 620, datacenterId: 4 });
    h.sim.control.createVms({ apiKey, count: 30, datacenterId: 5 });
  });
  afterAll(() => h.close());

  it('a fresh account sees only its own VMs', async () => {
    expect(await count()).toBe(650);
  });

  it('items_per_page defaults to 100 and page is zero-based', async () => {
    const first = await list();
    expect(first).toHaveLength(100);
    const second = await list({ page: 1 });
    expect(second[0]!.id).toBe(first[99]!.id + 1);
    expect(await list({ page: 6 })).toHaveLength(50);
    expect(await list({ page: 7 })).toEqual([]);
  });

  it('items_per_page goes up to 500, not beyond', async () => {
    expect(await list({ items_per_page: 500 })).toHaveLength(500);
    expect((await h.fault('hosting.vm.list', apiKey, { items_per_page: 501 })).faultCode).toBe(
      501030,
    );
    expect((await h.fault('hosting.vm.list', apiKey, { items_per_page: 0 })).faultCode).toBe(
      501030,
    );
    expect((await h.fault('hosting.vm.list', apiKey, { page: -1 })).faultCode).toBe(501030);
  });

  it('a scalar or an array value', async () => {
    expect(await count({ datacenter_id: 5 })).toBe(30);
    expect(await count({ datacenter_id: [4, 5] })).toBe(650);
    expect(await count({ hostname: ['bulk00001', 'bulk00002', 'nope'] })).toBe(2);
  });

  it('~ patterns: case-insensitive substring, or SQL-like with % and _', async () => {
    expect(await count({ '~hostname': 'BULK0000' })).toBe(9);
    expect(await count({ '~hostname': 'bulk0006%' })).toBe(10);
    expect(await count({ '~hostname': 'bulk0000_' })).toBe(9);
    expect(likeToRegExp('a.b%').test('A.Bcd')).toBe(true);
    expect(likeToRegExp('a.b%').test('axbcd')).toBe(false);
  });

  it('< and > comparisons on numbers and dates', async () => {
    const all = await list({ items_per_page: 500 });
    const pivot = all[10]!.id;
    expect(await count({ '<id': pivot })).toBe(10);
    expect(await count({ '>id': pivot, '<id': pivot + 5 })).toBe(4);
    expect(await count({ '<date_created': '2025-12-31 00:00:00' })).toBe(0);
    expect(await count({ '>date_created': '2025-12-31 00:00:00' })).toBe(650);
  });

  it('sort_by a field, ASC or DESC, with filters and paging applied after', async () => {
    const desc = await list({ sort_by: 'hostname DESC', items_per_page: 3 });
    expect(desc.map((v) => v.hostname)).toEqual(['bulk00650', 'bulk00649', 'bulk00648']);
    const asc = await list({ sort_by: 'hostname', datacenter_id: 5, items_per_page: 2, page: 1 });
    const all5 = (await list({ datacenter_id: 5 })).map((v) => v.hostname).sort();
    expect(asc.map((v) => v.hostname)).toEqual(all5.slice(2, 4));
  });

  it('count ignores paging keys and accepts the same filters', async () => {
    expect(await count({ state: 'running', datacenter_id: 4 })).toBe(620);
  });

  it('other lists share the rules (images by datacenter and label pattern)', async () => {
    const images = (await h.call('hosting.image.list', apiKey, {
      datacenter_id: 4,
      '~label': 'debian',
    })) as { label: string }[];
    expect(images.map((i) => i.label)).toEqual([
      'Debian 7 32 bits',
      'Debian 7 64 bits (HVM)',
      'Debian 8 64 bits (HVM)',
      'Debian 8',
      'Debian 9',
    ]);
    const open = (await h.call('hosting.datacenter.list', apiKey, {
      iaas_opened: true,
      sort_by: 'dc_code DESC',
    })) as { dc_code: string }[];
    expect(open.map((d) => d.dc_code)).toEqual(['LU-BI1', 'FR-SD6', 'FR-SD5', 'FR-SD3', 'FR-SD2']);
  });
});
