import { expectArity, int, struct } from '../args';
import { dataFault } from '../faults';
import { IMAGES } from '../state/catalog';
import { createOperation } from '../state/operations';
import {
  API_DEFAULT_BANDWIDTH,
  initialMaxMemory,
  newDisk,
  newIface,
  sourceFields,
} from '../state/provision';
import { entityId } from '../state/ids';
import type { DiskRec, IfaceRec, OperationRec, VmRec } from '../state/types';
import { shortOperationView, vmInfoView, vmListView } from '../views';
import type { XmlParam } from '../xmlrpc/values';
import {
  openDatacenter,
  owned,
  ownedIdle,
  requireCredits,
  sameDatacenter,
  type CallContext,
  type MethodDef,
} from './context';
import { DATE, ID, INT, listAndCount, ownedInfo, STR, BOOL } from './listing';
import { parseVmSpec, type VmSpecInput } from './vm-spec';
import { parseDiskSize } from './disk-spec';

/** hosting.vm.{list,count,info,create,create_from,delete} (reference §8). */

const VM_SPEC = {
  id: ID,
  hostname: STR,
  state: STR,
  memory: INT,
  cores: INT,
  vm_max_memory: INT,
  datacenter_id: ID,
  farm: STR,
  console: INT,
  description: STR,
  is_migrating: BOOL,
  date_created: DATE,
  date_updated: DATE,
};

const vms = listAndCount(VM_SPEC, (ctx) =>
  ctx.sim.store.owned('vm', ctx.account.id).map(vmListView),
);

export const opsView = (ctx: CallContext, ops: OperationRec[]) =>
  ops.map((op) => shortOperationView(op, ctx.account.handle));

/** A ready-to-use source for `create_from`: an image of that datacenter or an own created disk. */
function sourceDisk(ctx: CallContext, raw: XmlParam | undefined, datacenterId: number): number {
  const id = int(raw, 'src_disk_id');
  const image = IMAGES.find((i) => i.diskId === id);
  if (image) {
    sameDatacenter(
      'OBJECT_DISK',
      'The source image and the new disk',
      image.datacenterId,
      datacenterId,
    );
    return id;
  }
  const disk = owned(ctx, 'disk', id, 'src_disk_id');
  sameDatacenter(
    'OBJECT_DISK',
    'The source disk and the new disk',
    disk.datacenterId,
    datacenterId,
  );
  if (disk.state !== 'created')
    throw dataFault('OBJECT_DISK', 'CAUSE_STATE', `Disk ${disk.id} is not ready (${disk.state})`);
  return id;
}

/** The existing iface of `vm_spec.iface_id`, checked (free, same datacenter). */
function existingIface(
  ctx: CallContext,
  input: VmSpecInput,
  datacenterId: number,
): IfaceRec | null {
  if (input.spec.iface_id === undefined || input.spec.iface_id === null) return null;
  const iface = ownedIdle(ctx, 'iface', input.spec.iface_id, 'iface_id');
  sameDatacenter('OBJECT_IFACE', 'The iface and the VM', iface.datacenterId, datacenterId);
  if (iface.vmId !== null || iface.state !== 'free')
    throw dataFault('OBJECT_IFACE', 'CAUSE_ATTACHED', `Iface ${iface.id} is not free`);
  return iface;
}

function newVmRecord(ctx: CallContext, input: VmSpecInput, datacenterId: number): VmRec {
  const { sim, account } = ctx;
  const id = sim.store.nextId('vm');
  const now = sim.now();
  return {
    id,
    accountId: account.id,
    hostname: input.hostname,
    state: 'being_created',
    memory: input.memory,
    cores: input.cores,
    vmMaxMemory: initialMaxMemory(input.memory),
    datacenterId,
    disksId: [],
    ifacesId: [],
    console: 0,
    aiActive: input.spec.ai_active === true || input.spec.ai_active === 1 ? 1 : 0,
    description: null,
    farm: input.farm,
    entityId: entityId('vm', id),
    isMigrating: false,
    keys: input.keys,
    dateCreated: now,
    dateUpdated: now,
  };
}

/**
 * The 2018 recording of `vm.create_from` answers `disk_create` and `iface_create` already DONE
 * (never started: `date_start` nil) next to a `vm_create` in WAIT: the disk and the iface are
 * provisioned as part of the VM's creation. So they stay `being_created` until `vm_create` ends,
 * which applies their effects first (see `finish` in state/operations.ts).
 */
function doneAtCall(ctx: CallContext, id: number): void {
  const op = ctx.sim.store.get('op', id);
  const now = ctx.sim.now();
  if (op)
    ctx.sim.store.put('op', { ...op, step: 'DONE', runAt: now, doneAt: now, dateUpdated: now });
}

/**
 * Shared tail of create/create_from: attaches the system disk and the iface to the new VM at call
 * time (all `being_created`) and queues `[disk_create?], [iface_create?], vm_create`.
 */
function createVm(
  ctx: CallContext,
  input: VmSpecInput,
  datacenterId: number,
  disk: DiskRec,
  diskOp: OperationRec | null,
): OperationRec[] {
  const { sim, account } = ctx;
  const iface0 = existingIface(ctx, input, datacenterId);
  const vm = newVmRecord(ctx, input, datacenterId);
  const ops: OperationRec[] = [];
  if (diskOp) ops.push(diskOp);
  let iface: IfaceRec;
  let ifaceOp: OperationRec | null = null;
  if (iface0) {
    iface = { ...iface0, state: 'used' };
  } else {
    const created = newIface(sim, account.id, {
      datacenterId,
      type: 'public',
      bandwidth: input.bandwidth ?? API_DEFAULT_BANDWIDTH,
      ipVersion: input.ipVersion ?? 4,
      ready: false,
    });
    iface = created.iface;
    ifaceOp = createOperation(sim, {
      accountId: account.id,
      type: 'iface_create',
      vmId: vm.id,
      ifaceId: iface.id,
      ipId: created.ips[0]?.id ?? null,
      params: { iface_id: iface.id, ip_id: created.ips[0]?.id ?? null, vm_id: vm.id },
      created: [{ kind: 'iface', id: iface.id }],
    });
    ops.push(ifaceOp);
  }
  iface.vmId = vm.id;
  iface.num = 0;
  sim.store.put('iface', iface);
  sim.store.put('disk', { ...disk, vmsId: [vm.id], isBootDisk: true });
  vm.disksId = [disk.id];
  vm.ifacesId = [iface.id];
  sim.store.put('vm', vm);
  // The 2018 recording: every operation of the call carries the new VM's id.
  if (diskOp)
    sim.store.put('op', { ...diskOp, vmId: vm.id, params: { ...diskOp.params, vm_id: vm.id } });
  // An injected failure keeps its operation on the clock, so it fails (and the VM with it).
  const parts = [diskOp, ifaceOp].filter((o): o is OperationRec => o !== null);
  const atOnce = parts.filter((o) => !o.failWith).map((o) => o.id);
  for (const id of atOnce) doneAtCall(ctx, id);
  ops.push(
    createOperation(sim, {
      accountId: account.id,
      type: 'vm_create',
      vmId: vm.id,
      params: { vm_id: vm.id, hostname: vm.hostname, datacenter_id: datacenterId },
      created: [{ kind: 'vm', id: vm.id }],
      dependsOn: parts.map((o) => sim.store.get('op', o.id) ?? o),
      effectData: { deferred: atOnce },
    }),
  );
  return ops.map((op) => sim.store.get('op', op.id) ?? op);
}

const createFrom = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 3);
  requireCredits(ctx);
  const input = parseVmSpec(ctx, ctx.args[0], false);
  const dc = openDatacenter(ctx, input.spec.datacenter_id, 'datacenter_id');
  const diskSpec = struct(ctx.args[1], 'disk_spec');
  const src = sourceDisk(ctx, ctx.args[2], dc.id);
  const fromSource = sourceFields(ctx.sim, src);
  const { name, size, snapshotProfileId } = parseDiskSize(diskSpec, fromSource.size, dc.id, [
    'datacenter_id',
    'name',
    'size',
    'snapshot_profile',
    'type',
  ]);
  existingIface(ctx, input, dc.id);
  const disk = newDisk(ctx.sim, ctx.account.id, {
    datacenterId: dc.id,
    type: 'data',
    ...fromSource,
    size,
    snapshotProfileId,
  });
  if (name !== null) ctx.sim.store.put('disk', { ...disk, name });
  const diskOp = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type: 'disk_create',
    diskId: disk.id,
    params: { disk_id: disk.id },
    created: [{ kind: 'disk', id: disk.id }],
  });
  return opsView(
    ctx,
    createVm(ctx, input, dc.id, ctx.sim.store.get('disk', disk.id) ?? disk, diskOp),
  );
};

const create = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  requireCredits(ctx);
  const input = parseVmSpec(ctx, ctx.args[0], true);
  const dc = openDatacenter(ctx, input.spec.datacenter_id, 'datacenter_id');
  if (input.spec.sys_disk_id === undefined)
    throw dataFault('OBJECT_STRUCT', 'CAUSE_BADPARAMETER', 'vm_spec: missing field sys_disk_id');
  const disk = ownedIdle(ctx, 'disk', input.spec.sys_disk_id, 'sys_disk_id');
  sameDatacenter('OBJECT_DISK', 'Disk, iface, and vm', disk.datacenterId, dc.id);
  if (disk.vmsId.length > 0)
    throw dataFault('OBJECT_DISK', 'CAUSE_ATTACHED', `Disk ${disk.id} is already attached`);
  if (disk.state !== 'created' || disk.type !== 'data') {
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_STATE',
      `Disk ${disk.id} cannot be a system disk (${disk.type}, ${disk.state})`,
    );
  }
  return opsView(ctx, createVm(ctx, input, dc.id, disk, null));
};

const remove = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const vm = ownedIdle(ctx, 'vm', ctx.args[0], 'vm_id');
  if (vm.state !== 'halted')
    throw dataFault(
      'OBJECT_VM',
      'CAUSE_STATE',
      `VM ${vm.id} must be halted to be deleted (it is ${vm.state})`,
    );
  const op = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type: 'vm_delete',
    vmId: vm.id,
    params: { vm_id: vm.id },
  });
  return shortOperationView(op, ctx.account.handle);
};

export const VM_METHODS: Record<string, MethodDef> = {
  'hosting.vm.list': vms.list,
  'hosting.vm.count': vms.count,
  'hosting.vm.info': ownedInfo('vm', 'vm_id', (vm, ctx) => vmInfoView(ctx.sim, vm)),
  'hosting.vm.create': { handler: create },
  'hosting.vm.create_from': { handler: createFrom },
  'hosting.vm.delete': { handler: remove },
};
