/**
 * The VM page as a hub, against the real simulator over HTTP: renaming a VM (and the refusals a
 * forged or clashing rename gets), the free disks it offers to attach, and the names its history
 * shows instead of ids.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionError } from '@/lib/action';
import {
  diskCreate,
  diskCreateFrom,
  GandiError,
  vmDiskAttach,
  vmInfo,
  type GandiConnection,
} from '@/lib/gandi';
import { describeCall } from '@/lib/team/gate/describe-call';
import { renameVmSchema } from '@/lib/validation/vm';
import { startSimulator, type Simulator } from '@/simulator';
import { operationResourceNames } from './operations';
import { listFreeDisks } from './vm-hub';
import { renameVm } from './vm-mutations';

let sim: Simulator;
let clock = Date.parse('2026-11-27T12:00:00Z');
/** Past every WAIT (1 s) and RUN (3 s) of the simulator's default speed. */
const advance = () => {
  clock += 5_000;
};
let conn: GandiConnection;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, memory: true, quiet: true, now: () => clock });
});
afterAll(() => sim.close());
beforeEach(() => {
  conn = { endpoint: sim.url, apiKey: sim.control.createAccount().apiKey, timeoutMs: 10_000 };
});

const vmIn = (datacenterId = 4, key = conn.apiKey) =>
  sim.control.createVms({ apiKey: key, count: 1, datacenterId }).vmIds[0]!;

async function dataDisk(name: string, datacenterId = 4): Promise<number> {
  const op = await diskCreate(conn, { name, size: 2048, datacenter_id: datacenterId });
  advance();
  return op.diskId!;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: unknown) => err,
  );
}

describe('renameVm', () => {
  it('renames the VM through hosting.vm.update', async () => {
    const vmId = vmIn();
    const started = await renameVm(conn, vmId, 'web-1');
    expect(started.operations).toHaveLength(1);
    advance();
    expect((await vmInfo(conn, vmId)).hostname).toBe('web-1');
  });

  it('refuses the same hostname before calling the API, as a field error', async () => {
    const vmId = vmIn();
    const { hostname } = await vmInfo(conn, vmId);
    const err = await failure(renameVm(conn, vmId, hostname));
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).fieldErrors?.hostname).toEqual(['This is already its hostname.']);
  });

  it('a hostname another VM has is the API’s refusal, and nothing changes', async () => {
    const [first, second] = sim.control.createVms({ apiKey: conn.apiKey, count: 2 }).vmIds;
    const taken = (await vmInfo(conn, first!)).hostname;
    const before = (await vmInfo(conn, second!)).hostname;
    const err = await failure(renameVm(conn, second!, taken));
    expect(err).toBeInstanceOf(GandiError);
    expect((err as GandiError).causeName).toBe('CAUSE_EXIST');
    expect((await vmInfo(conn, second!)).hostname).toBe(before);
  });

  it('someone else’s VM id (a forged form) is not found, and it keeps its name', async () => {
    const otherKey = sim.control.createAccount().apiKey;
    const theirs = vmIn(4, otherKey);
    const err = await failure(renameVm(conn, theirs, 'mine-now'));
    expect((err as GandiError).causeName).toBe('CAUSE_NOTFOUND');
    const owner = { ...conn, apiKey: otherKey };
    expect((await vmInfo(owner, theirs)).hostname).not.toBe('mine-now');
  });

  it('the form schema refuses hostile hostnames before any call', () => {
    for (const hostname of ['web 1', 'a'.repeat(10_000), 'x;rm -rf /', '', '-web', 'a.b']) {
      expect(renameVmSchema.safeParse({ vm_id: '42', hostname }).success).toBe(false);
    }
    expect(renameVmSchema.safeParse({ vm_id: '-1', hostname: 'ok' }).success).toBe(false);
    expect(renameVmSchema.parse({ vm_id: '42', hostname: ' web-1 ' })).toEqual({
      vm_id: 42,
      hostname: 'web-1',
    });
  });

  it('is described by name in approvals and the audit log', () => {
    const call = { method: 'hosting.vm.update', args: [7, { hostname: 'web-2' }] };
    expect(describeCall(call, { vms: new Map([[7, 'web-1']]) })).toBe(
      'Rename VM web-1 (#7) to web-2',
    );
    expect(describeCall({ method: 'hosting.vm.update', args: [7, { cores: 2 }] })).toBe(
      'Resize VM #7 to 2 cores',
    );
  });
});

describe('listFreeDisks', () => {
  it('offers the data disks of the datacenter no VM uses, by name, and nothing else', async () => {
    const vmId = vmIn(4);
    const free = await dataDisk('zeta');
    const alpha = await dataDisk('alpha');
    const used = await dataDisk('used');
    await vmDiskAttach(conn, vmId, used);
    await dataDisk('elsewhere', 5);
    const snapshot = await diskCreateFrom(conn, { name: 'snap', type: 'snapshot' }, free);
    advance();
    // Another account's free disk in the same datacenter is never offered.
    const other = { ...conn, apiKey: sim.control.createAccount().apiKey };
    await diskCreate(other, { name: 'theirs', size: 1024, datacenter_id: 4 });
    advance();

    const offered = await listFreeDisks(conn, 4);
    expect(offered.map((disk) => disk.name)).toEqual(['alpha', 'zeta']);
    expect(offered.map((disk) => disk.id)).toEqual([alpha, free]);
    expect(offered.map((disk) => disk.id)).not.toContain(snapshot.diskId);
    expect(offered[0]?.sizeMb).toBe(2048);
  });
});

describe('operationResourceNames', () => {
  it('names the VMs and disks a page of operations mentions; unknown ids stay unnamed', async () => {
    const vmId = vmIn();
    const { hostname, diskIds } = await vmInfo(conn, vmId);
    const diskId = await dataDisk('data-disk');
    const names = await operationResourceNames(conn, [
      { vmId, diskId: diskIds[0]! },
      { vmId: null, diskId },
      { vmId: 999_999_999, diskId: null },
    ]);
    expect(names.vms).toEqual({ [vmId]: hostname });
    expect(names.disks?.[diskId]).toBe('data-disk');
    expect(Object.keys(names.disks ?? {})).toHaveLength(2);
  });

  it('makes no call for a page without resources', async () => {
    expect(await operationResourceNames(conn, [{ vmId: null, diskId: null }])).toEqual({
      vms: {},
      disks: {},
    });
  });
});
