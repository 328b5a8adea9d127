import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '@/lib/testing/simulator-per-file';
import { vmInfo, vmList } from '@/lib/gandi';
import { resourceNames } from './operations';

const world = simulatorPerFile();

describe('resourceNames', () => {
  it('names the account’s VMs and disks among the ids, and nothing of another account', async () => {
    const [first, second] = world.vms(3);
    const mine = await vmInfo(world.conn, first!);
    const disk = mine.disks[0]!;
    const other = world.another();
    const [theirs] = world.sim.control.createVms({ apiKey: other.apiKey, count: 1 }).vmIds;
    const names = await resourceNames(world.conn, {
      vmIds: [first!, second!, theirs!, 999_999],
      diskIds: [disk.id],
    });
    const [secondVm] = await vmList(world.conn, { id: [second!] });
    expect(names.vms).toEqual({ [first!]: mine.hostname, [second!]: secondVm!.hostname });
    expect(names.disks).toEqual({ [disk.id]: disk.name });
  });

  it('asks nothing upstream for no ids', async () => {
    expect(await resourceNames(world.conn, { vmIds: [], diskIds: [] })).toEqual({
      vms: {},
      disks: {},
    });
    expect(world.sim.control.calls({ apiKey: world.conn.apiKey }).calls).toEqual({});
  });
});
