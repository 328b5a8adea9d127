/**
 * Cost arithmetic against the in-process simulator: the price table it publishes
 * (`hosting.catalog.list`) predicts how its own `hosting.rating.list` moves after a create,
 * a resize, a new disk and a disk growth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catalogList,
  diskCreate,
  diskUpdate,
  imageList,
  ratingList,
  vmCreateFrom,
  vmStop,
  vmUpdate,
  waitForOperations,
  type GandiConnection,
} from '@/lib/gandi';
import { burnPerHour } from '@/lib/dal/runway';
import { startSimulator, type Simulator } from '@/simulator';
import {
  creditsPerHourOf,
  estimateCost,
  priceTableFromCatalog,
  runwayDays,
  snapshotReserveMb,
  type PriceTable,
} from './estimate';

let sim: Simulator;
let prices: PriceTable;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, instant: true });
  const table = priceTableFromCatalog(await catalogList(connOf(sim.control.createAccount())));
  if (!table) throw new Error('the simulator publishes no usable price table');
  prices = table;
});
afterAll(async () => {
  await sim.close();
});

function connOf(account: { apiKey: string }): GandiConnection {
  return { endpoint: sim.url, apiKey: account.apiKey };
}

const burnOf = async (conn: GandiConnection) => burnPerHour(await ratingList(conn));
const settle = async (conn: GandiConnection, ops: { id: number }[]) => {
  const done = await waitForOperations(
    conn,
    ops.map((op) => op.id),
    { intervalMs: 5 },
  );
  expect(done.map((op) => op.step)).toEqual(done.map(() => 'DONE'));
};

async function createVm(conn: GandiConnection, hostname: string, ipVersion: 4 | 6) {
  const [image] = await imageList(conn, { datacenter_id: 4 });
  if (!image) throw new Error('no image in FR-SD3');
  const ops = await vmCreateFrom(
    conn,
    {
      datacenter_id: 4,
      hostname,
      memory: 2048,
      cores: 2,
      ip_version: ipVersion,
      password: 'Secret-pass-123',
    },
    { datacenter_id: 4, name: `${hostname}-sys`, size: 10 * 1024 },
    image.diskId,
  );
  await settle(conn, ops);
  const vmId = ops.find((op) => op.vmId)?.vmId;
  if (!vmId) throw new Error('no vm id');
  return vmId;
}

describe('priceTableFromCatalog', () => {
  it('reads the simulator catalogue: per core, per GB of RAM and disk, per IPv4, IPv6 free', () => {
    expect(prices).toEqual({
      core: 168,
      ramGb: 120,
      diskGb: 135,
      snapshotGb: 135,
      ipv4: 210,
      ipv6: 0,
    });
  });

  it('refuses a table missing a billed resource (unknown, not zero)', () => {
    const line = (resource: string, flavour: string | null, creditsPerHour: number) => ({
      resource,
      flavour,
      unit: null,
      creditsPerHour,
    });
    expect(priceTableFromCatalog([line('cpu', 'default', 1), line('ram', 'default', 2)])).toBe(
      null,
    );
    expect(
      priceTableFromCatalog([
        line('cpu', null, 10),
        line('ram', 'default', 20),
        line('disk_data', 'default', 30),
        line('ip', 'v4_public', 40),
      ]),
    ).toEqual({ core: 10, ramGb: 20, diskGb: 30, snapshotGb: 30, ipv4: 40, ipv6: 0 });
  });
});

describe('cost estimates against the simulator rating', () => {
  it('predicts the burn a new dual-stack VM adds', async () => {
    const conn = connOf(sim.control.createAccount({ credits: 100_000 }));
    const before = await burnOf(conn);
    const delta = { cores: 2, memoryMb: 2048, diskMb: 10 * 1024, ipv4: 1, ipv6: 1 };
    const predicted = estimateCost({ prices, burnPerHour: before, credits: 100_000 }, delta);
    await createVm(conn, 'cost-a', 4);
    const after = await burnOf(conn);
    expect(predicted.deltaPerHour).toBe(2 * 168 + 2 * 120 + 10 * 135 + 210);
    expect(after - before).toBe(predicted.deltaPerHour);
    expect(predicted.newBurnPerHour).toBe(after);
    expect(predicted.runwayHours).toBe(Math.floor(100_000 / after));
  });

  it('an IPv6-only VM costs no IPv4', async () => {
    const conn = connOf(sim.control.createAccount());
    const before = await burnOf(conn);
    await createVm(conn, 'cost-b', 6);
    expect((await burnOf(conn)) - before).toBe(
      creditsPerHourOf(prices, { cores: 2, memoryMb: 2048, diskMb: 10 * 1024, ipv6: 1 }),
    );
  });

  it('predicts a resize up and down of a running VM, and a halted VM burns no cores or RAM', async () => {
    const conn = connOf(sim.control.createAccount());
    const vmId = await createVm(conn, 'cost-c', 4);
    const start = await burnOf(conn);
    await settle(conn, [await vmUpdate(conn, vmId, { cores: 4, memory: 1536 })]);
    const grown = await burnOf(conn);
    expect(grown - start).toBe(creditsPerHourOf(prices, { cores: 2, memoryMb: -512 }));
    await settle(conn, [await vmUpdate(conn, vmId, { cores: 1 })]);
    expect((await burnOf(conn)) - grown).toBe(creditsPerHourOf(prices, { cores: -3 }));
    await settle(conn, [await vmStop(conn, vmId)]);
    expect((await burnOf(conn)) - start).toBe(
      creditsPerHourOf(prices, { cores: -2, memoryMb: -2048 }),
    );
  });

  it('predicts a new data disk and a disk growth', async () => {
    const conn = connOf(sim.control.createAccount());
    const before = await burnOf(conn);
    const created = await diskCreate(conn, { datacenter_id: 4, name: 'costdata', size: 5 * 1024 });
    await settle(conn, [created]);
    const withDisk = await burnOf(conn);
    expect(withDisk - before).toBe(creditsPerHourOf(prices, { diskMb: 5 * 1024 }));
    if (!created.diskId) throw new Error('no disk id');
    await settle(conn, [await diskUpdate(conn, created.diskId, { size: 8 * 1024 })]);
    expect((await burnOf(conn)) - withDisk).toBe(creditsPerHourOf(prices, { diskMb: 3 * 1024 }));
  });
});

describe('estimateCost', () => {
  const inputs = { prices: { core: 100, ramGb: 50, diskGb: 10, snapshotGb: 5, ipv4: 20, ipv6: 0 } };

  it('removing resources lowers the burn, never below zero', () => {
    expect(estimateCost({ ...inputs, burnPerHour: 300, credits: 3_000 }, { cores: -1 })).toEqual({
      deltaPerHour: -100,
      newBurnPerHour: 200,
      runwayHours: 15,
    });
    expect(
      estimateCost({ ...inputs, burnPerHour: 50, credits: 3_000 }, { cores: -1 }).newBurnPerHour,
    ).toBe(0);
  });

  it('leaves the runway unknown without a burn or credits, and unbounded when nothing burns', () => {
    expect(estimateCost({ ...inputs, burnPerHour: null, credits: 10 }, { cores: 1 })).toEqual({
      deltaPerHour: 100,
      newBurnPerHour: null,
      runwayHours: null,
    });
    expect(estimateCost({ ...inputs, burnPerHour: 0, credits: 10 }, {}).runwayHours).toBe(null);
    expect(estimateCost({ ...inputs, burnPerHour: 100, credits: 99 }, {}).runwayHours).toBe(0);
  });

  it('prices half gigabytes and snapshot space', () => {
    expect(creditsPerHourOf(inputs.prices, { memoryMb: 512, snapshotMb: 2048 })).toBe(35);
    expect(snapshotReserveMb(10 * 1024, 1.7)).toBe(7168);
    expect(snapshotReserveMb(1024, 0.5)).toBe(0);
  });

  it('runwayDays', () => {
    expect(runwayDays(2_400, 100)).toBe(1);
    expect(runwayDays(2_400, 0)).toBe(null);
  });
});
