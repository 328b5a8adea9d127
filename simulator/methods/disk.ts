import { expectArity, int, onlyKeys, required, str, struct, isStruct } from '../args';
import { dataFault } from '../faults';
import { DATACENTER_BY_ID, IMAGES, KNOWN_KERNELS } from '../state/catalog';
import { createOperation } from '../state/operations';
import { defaultKernelCmdline, newDisk, sourceFields } from '../state/provision';
import type { DiskRec, KernelCmdline } from '../state/types';
import { diskInfoView, diskListView, shortOperationView } from '../views';
import {
  openDatacenter,
  owned,
  ownedIdle,
  requireIdle,
  requireCredits,
  sameDatacenter,
  type CallContext,
  type MethodDef,
} from './context';
import { diskNameValue, diskSizeValue, parseDiskSize, snapshotProfileValue } from './disk-spec';
import { BOOL, DATE, ID, INT, listAndCount, ownedInfo, STR } from './listing';

/** hosting.disk.* (reference §9). */

const DISK_SPEC = {
  id: ID,
  name: STR,
  datacenter_id: ID,
  state: STR,
  type: STR,
  size: INT,
  total_size: INT,
  kernel_version: STR,
  label: STR,
  source: ID,
  is_boot_disk: BOOL,
  can_snapshot: BOOL,
  snapshot_profile_id: ID,
  date_created: DATE,
  date_updated: DATE,
  vm_id: {
    type: 'int' as const,
    get: (d: { vms_id?: unknown }) => (Array.isArray(d.vms_id) ? (d.vms_id[0] ?? null) : null),
  },
};

const disks = listAndCount(DISK_SPEC, (ctx) =>
  ctx.sim.store.owned('disk', ctx.account.id).map(diskListView),
);

function diskOp(
  ctx: CallContext,
  disk: DiskRec,
  type: string,
  extra: Partial<Parameters<typeof createOperation>[1]> = {},
) {
  const op = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type,
    diskId: disk.id,
    vmId: disk.vmsId[0] ?? null,
    params: { disk_id: disk.id },
    ...extra,
  });
  return shortOperationView(op, ctx.account.handle);
}

function requireReady(disk: DiskRec): void {
  if (disk.state !== 'created')
    throw dataFault('OBJECT_DISK', 'CAUSE_STATE', `Disk ${disk.id} is not ready (${disk.state})`);
  if (disk.isMigrating)
    throw dataFault('OBJECT_DISK', 'CAUSE_STATE', `Disk ${disk.id} is being migrated`);
}

const create = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  requireCredits(ctx);
  const spec = struct(ctx.args[0], 'disk_spec');
  onlyKeys(spec, ['datacenter_id', 'name', 'size', 'type', 'snapshot_profile'], 'disk_spec');
  const dc = openDatacenter(ctx, required(spec, 'datacenter_id', 'disk_spec'), 'datacenter_id');
  const size = diskSizeValue(required(spec, 'size', 'disk_spec'));
  const name = spec.name === undefined ? null : diskNameValue(spec.name);
  if (spec.type !== undefined && str(spec.type, 'type') !== 'data') {
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_BADPARAMETER',
      'type: an empty disk can only be of type data',
    );
  }
  const snapshotProfileId =
    spec.snapshot_profile === undefined ? null : snapshotProfileValue(spec.snapshot_profile);
  const disk = newDisk(ctx.sim, ctx.account.id, {
    datacenterId: dc.id,
    type: 'data',
    size,
    snapshotProfileId,
  });
  if (name !== null) ctx.sim.store.put('disk', { ...disk, name });
  return diskOp(ctx, disk, 'disk_create', { created: [{ kind: 'disk', id: disk.id }] });
};

/** A copy of an image or own disk; `type: 'snapshot'` makes a snapshot of an own disk. */
const createFrom = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  requireCredits(ctx);
  const spec = struct(ctx.args[0], 'disk_spec');
  const srcId = int(ctx.args[1], 'src_disk_id');
  const type = spec.type === undefined ? 'data' : str(spec.type, 'type');
  if (type !== 'data' && type !== 'snapshot')
    throw dataFault('OBJECT_DISK', 'CAUSE_BADPARAMETER', `type: '${type}' is not data or snapshot`);
  const image = IMAGES.find((i) => i.diskId === srcId);
  const source = image ? null : owned(ctx, 'disk', srcId, 'src_disk_id');
  const datacenterId = image ? image.datacenterId : source!.datacenterId;
  if (spec.datacenter_id !== undefined) openDatacenter(ctx, spec.datacenter_id, 'datacenter_id');
  else openDatacenter(ctx, datacenterId, 'datacenter_id');
  if (source) requireReady(source);
  if (type === 'snapshot') {
    if (!source || source.type !== 'data' || !source.canSnapshot) {
      throw dataFault(
        'OBJECT_SNAPSHOT',
        'CAUSE_BADPARAMETER',
        `Disk ${srcId} cannot be snapshotted`,
      );
    }
  }
  const fromSource = sourceFields(ctx.sim, srcId);
  const { name, size, snapshotProfileId } = parseDiskSize(
    { ...spec, type: 'data' },
    fromSource.size,
    spec.datacenter_id === undefined ? datacenterId : int(spec.datacenter_id, 'datacenter_id'),
    ['datacenter_id', 'name', 'size', 'type', 'snapshot_profile'],
  );
  sameDatacenter(
    'OBJECT_DISK',
    'The disk and its source',
    datacenterId,
    spec.datacenter_id === undefined ? datacenterId : int(spec.datacenter_id, 'datacenter_id'),
  );
  const disk = newDisk(ctx.sim, ctx.account.id, {
    datacenterId,
    type: type === 'snapshot' ? 'snapshot' : 'data',
    ...fromSource,
    size: type === 'snapshot' ? fromSource.size : size,
    snapshotProfileId: type === 'snapshot' ? null : snapshotProfileId,
  });
  if (name !== null) ctx.sim.store.put('disk', { ...disk, name });
  return diskOp(ctx, disk, 'disk_create', { created: [{ kind: 'disk', id: disk.id }], vmId: null });
};

const update = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const disk = ownedIdle(ctx, 'disk', ctx.args[0], 'disk_id');
  const spec = struct(ctx.args[1], 'disk_spec');
  onlyKeys(spec, ['name', 'size', 'snapshot_profile', 'kernel', 'cmdline'], 'disk_spec');
  if (Object.keys(spec).length === 0)
    throw dataFault('OBJECT_DISK', 'CAUSE_NOTHING_TO_UPDATE', 'Nothing to update');
  const changes: Partial<DiskRec> = {};
  if (spec.name !== undefined) changes.name = diskNameValue(spec.name);
  if (spec.size !== undefined) {
    changes.size = diskSizeValue(spec.size);
    if (changes.size < disk.size)
      throw dataFault(
        'OBJECT_DISK',
        'CAUSE_CANNOT_SHRINK',
        `size: ${changes.size} is smaller than ${disk.size}`,
      );
  }
  if (spec.snapshot_profile !== undefined) {
    // gandi.cli sends '' to remove the profile (reference §9.2).
    changes.snapshotProfileId =
      spec.snapshot_profile === '' || spec.snapshot_profile === null
        ? null
        : snapshotProfileValue(spec.snapshot_profile);
  }
  if (spec.kernel !== undefined) {
    const kernel = str(spec.kernel, 'kernel');
    if (!KNOWN_KERNELS.has(kernel))
      throw dataFault('OBJECT_DISK', 'CAUSE_NO_KERNEL', `Unknown kernel '${kernel}'`);
    changes.kernelVersion = kernel;
    if (spec.cmdline === undefined) changes.kernelCmdline = defaultKernelCmdline(kernel);
  }
  if (spec.cmdline !== undefined) changes.kernelCmdline = parseCmdline(spec.cmdline);
  requireReady(disk);
  if (
    disk.type === 'snapshot' &&
    (changes.size !== undefined || changes.kernelVersion !== undefined)
  ) {
    throw dataFault('OBJECT_SNAPSHOT', 'CAUSE_BADPARAMETER', 'A snapshot can only be renamed');
  }
  if (changes.size !== undefined && changes.size > disk.size) requireCredits(ctx);
  const params: Record<string, unknown> = { disk_id: disk.id, ...spec };
  return diskOp(ctx, disk, 'disk_update', { params, effectData: { changes } });
};

function parseCmdline(raw: unknown): KernelCmdline | null {
  if (raw === null || raw === '') return null;
  if (typeof raw === 'string') {
    const out: KernelCmdline = {};
    for (const part of raw.split(/\s+/).filter(Boolean)) {
      const eq = part.indexOf('=');
      if (eq < 0) out[part] = true;
      else out[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return out;
  }
  if (isStruct(raw as never)) {
    const out: KernelCmdline = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v !== 'string' && typeof v !== 'boolean')
        throw dataFault(
          'OBJECT_DISK',
          'CAUSE_BADPARAMETER',
          `cmdline.${k}: string or boolean expected`,
        );
      out[k] = v;
    }
    return out;
  }
  throw dataFault('OBJECT_DISK', 'CAUSE_BADPARAMETER', 'cmdline: string or struct expected');
}

const remove = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const disk = ownedIdle(ctx, 'disk', ctx.args[0], 'disk_id');
  if (disk.vmsId.length > 0)
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_ATTACHED',
      `Disk ${disk.id} is attached to a VM: detach it first`,
    );
  requireReady(disk);
  return diskOp(ctx, disk, 'disk_delete');
};

const rollbackFrom = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const snapshot = owned(ctx, 'disk', ctx.args[0], 'snapshot_id');
  if (snapshot.type !== 'snapshot' || snapshot.source === null) {
    throw dataFault(
      'OBJECT_SNAPSHOT',
      'CAUSE_BADPARAMETER',
      `Disk ${snapshot.id} is not a snapshot`,
    );
  }
  const origin = ctx.sim.store.get('disk', snapshot.source);
  if (!origin || origin.accountId !== ctx.account.id)
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_NOTFOUND',
      `The disk of snapshot ${snapshot.id} no longer exists`,
    );
  requireIdle(ctx, 'disk', origin.id);
  requireReady(origin);
  const vm = origin.vmsId[0] === undefined ? undefined : ctx.sim.store.get('vm', origin.vmsId[0]);
  if (vm && vm.state !== 'halted')
    throw dataFault('OBJECT_VM', 'CAUSE_STATE', `VM ${vm.id} must be halted to roll its disk back`);
  return diskOp(ctx, origin, 'disk_rollback', {
    params: { disk_id: origin.id, snapshot_id: snapshot.id },
  });
};

const migrate = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const disk = ownedIdle(ctx, 'disk', ctx.args[0], 'disk_id');
  const target = int(ctx.args[1], 'datacenter_id');
  const allowed = DATACENTER_BY_ID.get(disk.datacenterId)?.canMigrateTo ?? [];
  if (!allowed.includes(target))
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_DATACENTER',
      `Disk ${disk.id} cannot be migrated to datacenter ${target}`,
    );
  if (disk.vmsId.length > 0)
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_ATTACHED',
      `Disk ${disk.id} must be detached to be migrated`,
    );
  requireReady(disk);
  const out = diskOp(ctx, disk, 'hosting_migration_disk', {
    params: { disk_id: disk.id, from_dc_id: disk.datacenterId, to_dc_id: target },
  });
  ctx.sim.store.put('disk', { ...disk, isMigrating: true });
  return out;
};

export const DISK_METHODS: Record<string, MethodDef> = {
  'hosting.disk.list': disks.list,
  'hosting.disk.count': disks.count,
  'hosting.disk.info': ownedInfo('disk', 'disk_id', diskInfoView),
  'hosting.disk.create': { handler: create },
  'hosting.disk.create_from': { handler: createFrom },
  'hosting.disk.update': { handler: update },
  'hosting.disk.delete': { handler: remove },
  'hosting.disk.rollback_from': { handler: rollbackFrom },
  'hosting.disk.migrate': { handler: migrate },
};
