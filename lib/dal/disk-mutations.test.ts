/**
 * The disks DAL against the in-process simulator over real HTTP, with a hand-driven clock: each
 * mutation's pre-checks (refusals with the field concerned) and its effect once the operation ends.
 */
import { describe, expect, it } from 'vitest';
import { refusal, simulatorPerFile } from '@/lib/testing/simulator-per-file';
import { diskInfo, vmInfo, vmStop } from '@/lib/gandi';
import {
  attachDisk,
  createDisk,
  deleteDisk,
  detachDisk,
  migrateDisk,
  renameOrResizeDisk,
  rollbackDisk,
  setDiskKernel,
  setDiskSnapshotProfile,
  snapshotDisk,
} from './disk-mutations';
import { getDiskDetail, getDiskPage } from './disks';

const api = simulatorPerFile({ clocked: true });

function vmsIn(datacenterId: number, count = 1): number[] {
  return api.vms(count, datacenterId);
}

/** An empty disk, created and ready. */
async function emptyDisk(name: string, datacenterId = 4, sizeGb = 2): Promise<number> {
  const started = await createDisk(api.conn, {
    source: 'empty',
    datacenter_id: datacenterId,
    name,
    size_gb: sizeGb,
    snapshot_profile: null,
  });
  api.advance();
  if (started.diskId === null) throw new Error('no disk id');
  return started.diskId;
}

describe('list', () => {
  it('pages through the API and names the VM and position of each attached disk', async () => {
    vmsIn(4, 27);
    const first = await getDiskPage(api.conn, { page: 1, sort: 'name' });
    expect(first.total).toBe(27);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]?.attachment).toMatchObject({ position: 0, vmState: 'running' });
    expect(first.rows[0]?.attachment?.hostname).toMatch(/^bulk\d+$/);
    const second = await getDiskPage(api.conn, { page: 2, sort: 'name' });
    expect(second.rows).toHaveLength(2);
    const none = await getDiskPage(api.conn, { page: 1, sort: 'name', type: 'snapshot' });
    expect(none.total).toBe(0);
  });
});

describe('create', () => {
  it('creates an empty disk where asked', async () => {
    const id = await emptyDisk('blank', 4, 3);
    const disk = await diskInfo(api.conn, id);
    expect(disk).toMatchObject({ name: 'blank', size: 3072, datacenterId: 4, state: 'created' });
  });

  it('refuses a copy smaller than its image, and one placed away from its source', async () => {
    const image = { source: 'image' as const, name: 'sys', snapshot_profile: null };
    const small = await refusal(
      createDisk(api.conn, { ...image, image_disk_id: 17945187, size_gb: 1 }),
    );
    expect(small.fieldErrors).toEqual({
      size_gb: ['The copy must hold its source: at least 3 GB.'],
    });
    const elsewhere = await refusal(
      createDisk(api.conn, { ...image, image_disk_id: 17945187, datacenter_id: 5 }),
    );
    expect(elsewhere.fieldErrors?.datacenter_id).toEqual([
      'The copy is made in the datacenter of its source.',
    ]);
    const gone = await refusal(
      createDisk(api.conn, {
        source: 'disk',
        name: 'c',
        src_disk_id: 999_999,
        snapshot_profile: null,
      }),
    );
    expect(gone.fieldErrors?.src_disk_id).toEqual(['Choose a disk from the list.']);
    const unknown = await refusal(createDisk(api.conn, { ...image, image_disk_id: 42 }));
    expect(unknown.fieldErrors?.image_disk_id).toEqual(['Choose an image from the list.']);
  });

  it('refuses a closed datacenter', async () => {
    const closed = await refusal(
      createDisk(api.conn, {
        source: 'empty',
        datacenter_id: 2,
        name: 'x',
        size_gb: 1,
        snapshot_profile: null,
      }),
    );
    expect(closed.fieldErrors?.datacenter_id?.[0]).toMatch(/closed to new disks/);
  });
});

describe('attach and detach', () => {
  it('checks the position against the VM, attaches, and explains the system disk rule', async () => {
    const [vmId = 0] = vmsIn(4);
    const diskId = await emptyDisk('data1');
    const tooFar = await refusal(
      attachDisk(api.conn, { diskId, vmId, position: 3, readOnly: false }),
    );
    expect(tooFar.fieldErrors?.position?.[0]).toMatch(/choose a position from 0 to 1/);
    await attachDisk(api.conn, { diskId, vmId, position: undefined, readOnly: true });
    api.advance();
    const detail = await getDiskDetail(api.conn, diskId);
    expect(detail.attachment).toMatchObject({ vmId, position: 1, vmState: 'running' });

    const vm = await vmInfo(api.conn, vmId);
    const systemDisk = vm.diskIds[0] ?? 0;
    const system = await refusal(detachDisk(api.conn, systemDisk));
    expect(system.message).toBe(
      `This is the system disk of ${vm.hostname}: stop the VM before detaching it.`,
    );
    await detachDisk(api.conn, diskId);
    api.advance();
    expect((await diskInfo(api.conn, diskId)).vmIds).toEqual([]);
    const again = await refusal(detachDisk(api.conn, diskId));
    expect(again.message).toBe('This disk is not attached.');
  });

  it('refuses a VM of another datacenter on the VM field', async () => {
    const [vmId = 0] = vmsIn(5);
    const diskId = await emptyDisk('data2');
    const err = await refusal(
      attachDisk(api.conn, { diskId, vmId, position: undefined, readOnly: false }),
    );
    expect(err.fieldErrors?.vm_id?.[0]).toMatch(/in another datacenter/);
    const gone = await refusal(
      attachDisk(api.conn, { diskId, vmId: 999_999, position: undefined, readOnly: false }),
    );
    expect(gone.fieldErrors?.vm_id).toEqual(['Choose a VM from the list.']);
  });
});

describe('update', () => {
  it('grows and renames, refuses shrinking and an empty change', async () => {
    const diskId = await emptyDisk('grow', 4, 2);
    const shrink = await refusal(renameOrResizeDisk(api.conn, diskId, { name: 'grow', sizeGb: 1 }));
    expect(shrink.fieldErrors?.size_gb).toEqual([
      'A disk cannot be made smaller: choose at least 2 GB.',
    ]);
    const same = await refusal(renameOrResizeDisk(api.conn, diskId, { name: 'grow', sizeGb: 2 }));
    expect(same.message).toMatch(/Nothing to change/);
    await renameOrResizeDisk(api.conn, diskId, { name: 'grown', sizeGb: 4 });
    api.advance();
    expect(await diskInfo(api.conn, diskId)).toMatchObject({ name: 'grown', size: 4096 });
  });

  it('sets a kernel offered in the datacenter with its command line', async () => {
    const diskId = await emptyDisk('kern');
    const bad = await refusal(setDiskKernel(api.conn, diskId, '9.9-imaginary', {}));
    expect(bad.fieldErrors?.kernel).toEqual(['Choose a kernel offered in this datacenter.']);
    await setDiskKernel(api.conn, diskId, '3.10-x86_64', { root: '/dev/sda', ro: true });
    api.advance();
    expect(await diskInfo(api.conn, diskId)).toMatchObject({
      kernelVersion: '3.10-x86_64',
      kernelCmdline: { root: '/dev/sda', ro: true },
    });
  });

  it('sets and removes a snapshot profile', async () => {
    const diskId = await emptyDisk('prof');
    const unknown = await refusal(setDiskSnapshotProfile(api.conn, diskId, 99));
    expect(unknown.fieldErrors?.snapshot_profile).toEqual([
      'Choose a snapshot profile from the list.',
    ]);
    const nothing = await refusal(setDiskSnapshotProfile(api.conn, diskId, null));
    expect(nothing.message).toBe('This disk has no profile to remove.');
    await setDiskSnapshotProfile(api.conn, diskId, 2);
    api.advance();
    expect((await diskInfo(api.conn, diskId)).snapshotProfileId).toBe(2);
    await setDiskSnapshotProfile(api.conn, diskId, null);
    api.advance();
    expect((await diskInfo(api.conn, diskId)).snapshotProfileId).toBeNull();
  });
});

describe('snapshot and rollback', () => {
  it('snapshots with a generated name, refuses a snapshot of a snapshot, rolls back when halted', async () => {
    const [vmId = 0] = vmsIn(4);
    const diskId = await emptyDisk('snapme');
    await attachDisk(api.conn, { diskId, vmId, position: undefined, readOnly: false });
    api.advance();
    const taken = await snapshotDisk(
      api.conn,
      diskId,
      '',
      new Date(Date.UTC(2026, 10, 27, 8, 9, 10)),
    );
    api.advance();
    const snapshotId = taken.diskId ?? 0;
    const snapshot = await diskInfo(api.conn, snapshotId);
    expect(snapshot).toMatchObject({ type: 'snapshot', name: 'snapme-snap-20261127-080910' });
    expect((await diskInfo(api.conn, diskId)).snapshotIds).toContain(snapshotId);

    const grow = await refusal(
      renameOrResizeDisk(api.conn, snapshotId, { name: 'snap', sizeGb: 9 }),
    );
    expect(grow.fieldErrors?.size_gb).toEqual(['A snapshot can only be renamed.']);
    const kernel = await refusal(setDiskKernel(api.conn, snapshotId, '3.10-x86_64', {}));
    expect(kernel.message).toBe('A snapshot keeps the kernel of its disk.');
    await renameOrResizeDisk(api.conn, snapshotId, { name: 'before-upgrade', sizeGb: 2 });
    api.advance();
    expect((await diskInfo(api.conn, snapshotId)).name).toBe('before-upgrade');

    const ofSnapshot = await refusal(snapshotDisk(api.conn, snapshotId, ''));
    expect(ofSnapshot.message).toBe('A snapshot cannot itself be snapshotted.');
    const running = await refusal(rollbackDisk(api.conn, diskId, snapshotId));
    expect(running.message).toMatch(/^Stop bulk\d+ first/);
    const foreign = await refusal(rollbackDisk(api.conn, diskId, diskId));
    expect(foreign.message).toBe('This snapshot does not belong to this disk.');

    await vmStop(api.conn, vmId);
    api.advance();
    const rolled = await rollbackDisk(api.conn, diskId, snapshotId);
    expect(rolled).toMatchObject({ diskId, operations: [{ type: 'disk_rollback' }] });
  });
});

describe('delete and migrate', () => {
  it('needs the exact name and a detached disk', async () => {
    const [vmId = 0] = vmsIn(4);
    const diskId = await emptyDisk('doomed');
    const typo = await refusal(deleteDisk(api.conn, diskId, 'Doomed'));
    expect(typo.fieldErrors?.confirm_name).toEqual(['Type doomed exactly to confirm.']);
    await attachDisk(api.conn, { diskId, vmId, position: undefined, readOnly: false });
    api.advance();
    const attached = await refusal(deleteDisk(api.conn, diskId, 'doomed'));
    expect(attached.message).toMatch(
      /^This disk is attached to bulk\d+: detach it before deleting it\.$/,
    );
    await detachDisk(api.conn, diskId);
    api.advance();
    await deleteDisk(api.conn, diskId, 'doomed');
    api.advance();
    const gone = await diskInfo(api.conn, diskId).then(
      () => 'still there',
      (err: { causeName?: string }) => err.causeName,
    );
    expect(gone).toBe('CAUSE_NOTFOUND');
  });

  it('migrates a detached disk only where its datacenter allows', async () => {
    vmsIn(1); // an account with resources in the closing FR-SD2 may still create there
    const here = await emptyDisk('stay', 4);
    const none = await refusal(migrateDisk(api.conn, here, 5));
    expect(none.fieldErrors?.datacenter_id).toEqual([
      "This disk's datacenter offers no migration.",
    ]);
    const mover = await emptyDisk('mover', 1, 1);
    const wrong = await refusal(migrateDisk(api.conn, mover, 5));
    expect(wrong.fieldErrors?.datacenter_id).toEqual([
      'Choose a datacenter this disk can migrate to.',
    ]);
    await migrateDisk(api.conn, mover, 4);
    api.advance();
    expect(await diskInfo(api.conn, mover)).toMatchObject({ datacenterId: 4, isMigrating: false });
  });
});

describe('isolation', () => {
  it("another account's disk is not found, for reads and for mutations", async () => {
    const diskId = await emptyDisk('mine');
    const other = api.another();
    const causeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'allowed',
        (err: { causeName?: string }) => err.causeName,
      );
    expect(await causeOf(getDiskDetail(other, diskId))).toBe('CAUSE_NOTFOUND');
    expect(await causeOf(deleteDisk(other, diskId, 'mine'))).toBe('CAUSE_NOTFOUND');
    expect(await causeOf(snapshotDisk(other, diskId, ''))).toBe('CAUSE_NOTFOUND');
    expect((await diskInfo(api.conn, diskId)).state).toBe('created');
  });
});
