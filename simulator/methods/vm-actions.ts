import { bool, expectArity, int, onlyKeys, optionalStruct, str, struct } from '../args';
import { dataFault } from '../faults';
import { DATACENTER_BY_ID } from '../state/catalog';
import { createOperation } from '../state/operations';
import { initialMaxMemory } from '../state/provision';
import type { OperationRec, VmRec } from '../state/types';
import { fullOperationView, shortOperationView } from '../views';
import {
  owned,
  ownedIdle,
  requireCredits,
  requireIdle,
  sameDatacenter,
  type CallContext,
  type MethodDef,
} from './context';
import { coresValue, hostnameValue, memoryValue } from './vm-spec';

/** hosting.vm state changes, update, attach/detach, migration (reference §8, §17). */

function vmOp(
  ctx: CallContext,
  vm: VmRec,
  type: string,
  extra: Partial<Parameters<typeof createOperation>[1]> = {},
) {
  const op = createOperation(ctx.sim, {
    accountId: ctx.account.id,
    type,
    vmId: vm.id,
    params: { vm_id: vm.id },
    ...extra,
  });
  return shortOperationView(op, ctx.account.handle);
}

function requireState(vm: VmRec, states: string[], action: string): void {
  if (!states.includes(vm.state)) {
    throw dataFault(
      'OBJECT_VM',
      'CAUSE_STATE',
      `VM ${vm.id} is ${vm.state}: cannot ${action} (needs ${states.join(' or ')})`,
    );
  }
  if (vm.isMigrating) throw dataFault('OBJECT_VM', 'CAUSE_STATE', `VM ${vm.id} is being migrated`);
}

function simpleAction(type: string, needs: string[], action: string): MethodDef {
  return {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      const vm = ownedIdle(ctx, 'vm', ctx.args[0], 'vm_id');
      requireState(vm, needs, action);
      return vmOp(ctx, vm, type);
    },
  };
}

const update = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const vm = ownedIdle(ctx, 'vm', ctx.args[0], 'vm_id');
  const spec = struct(ctx.args[1], 'vm_spec');
  onlyKeys(
    spec,
    ['memory', 'cores', 'console', 'password', 'vm_max_memory', 'hostname'],
    'vm_spec',
  );
  if (Object.keys(spec).length === 0)
    throw dataFault('OBJECT_VM', 'CAUSE_NOTHING_TO_UPDATE', 'Nothing to update');
  const changes: Partial<VmRec> = {};
  if (spec.memory !== undefined) changes.memory = memoryValue(spec.memory, 'memory');
  if (spec.vm_max_memory !== undefined)
    changes.vmMaxMemory = memoryValue(spec.vm_max_memory, 'vm_max_memory');
  if (spec.cores !== undefined) changes.cores = coresValue(spec.cores);
  if (spec.console !== undefined) changes.console = bool(spec.console, 'console') ? 1 : 0;
  if (spec.hostname !== undefined) changes.hostname = hostnameValue(ctx, spec.hostname, vm.id);
  if (spec.password !== undefined && str(spec.password, 'password').length < 8) {
    throw dataFault('OBJECT_VM', 'CAUSE_BADPARAMETER', 'password: must be at least 8 characters');
  }
  requireState(vm, ['running', 'halted'], 'update');
  const memory = changes.memory ?? vm.memory;
  if (vm.state === 'halted' && changes.vmMaxMemory === undefined && memory > vm.vmMaxMemory) {
    // vm_max_memory only limits *live* resizing (§8.7): a halted VM boots again with page tables
    // for the new size, so the limit follows gandi.cli's computation (what it expects to see).
    changes.vmMaxMemory = initialMaxMemory(memory);
  }
  const maxMemory = changes.vmMaxMemory ?? vm.vmMaxMemory;
  if (memory > maxMemory) {
    // Xen reserves page tables for vm_max_memory at boot: a running VM cannot grow past it (§8.7).
    throw dataFault(
      'OBJECT_VM',
      'CAUSE_VALUE',
      `memory ${memory} is above vm_max_memory ${maxMemory}: raise vm_max_memory (and reboot)`,
    );
  }
  if ((changes.memory ?? 0) > vm.memory || (changes.cores ?? 0) > vm.cores) requireCredits(ctx);
  const params: Record<string, unknown> = { vm_id: vm.id };
  for (const [key, value] of Object.entries(spec)) if (key !== 'password') params[key] = value;
  return vmOp(ctx, vm, 'vm_update', { params, effectData: { changes } });
};

const diskAttach = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2, 3);
  const vm = ownedIdle(ctx, 'vm', ctx.args[0], 'vm_id');
  const disk = ownedIdle(ctx, 'disk', ctx.args[1], 'disk_id');
  const options = optionalStruct(ctx.args[2], 'options');
  onlyKeys(options, ['position', 'access'], 'options');
  const position =
    options.position === undefined ? vm.disksId.length : int(options.position, 'position');
  if (options.access !== undefined && !['read', 'write'].includes(str(options.access, 'access'))) {
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_BADPARAMETER',
      `access: '${String(options.access)}' is not read or write`,
    );
  }
  if (position < 0 || position > vm.disksId.length) {
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_POSITION',
      `position: ${position} is not between 0 and ${vm.disksId.length}`,
    );
  }
  sameDatacenter('OBJECT_DISK', 'The disk and the VM', disk.datacenterId, vm.datacenterId);
  if (disk.vmsId.length > 0)
    throw dataFault('OBJECT_DISK', 'CAUSE_ATTACHED', `Disk ${disk.id} is already attached to a VM`);
  if (disk.state !== 'created')
    throw dataFault('OBJECT_DISK', 'CAUSE_STATE', `Disk ${disk.id} is not ready (${disk.state})`);
  if (disk.type === 'snapshot')
    throw dataFault('OBJECT_DISK', 'CAUSE_BADPARAMETER', `Disk ${disk.id} is a snapshot`);
  requireState(
    vm,
    position === 0 ? ['halted'] : ['running', 'halted'],
    position === 0 ? 'change the system disk' : 'attach a disk',
  );
  return vmOp(ctx, vm, 'disk_attach', {
    diskId: disk.id,
    params: { vm_id: vm.id, disk_id: disk.id, position },
    effectData: { position },
  });
};

const diskDetach = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const vm = ownedIdle(ctx, 'vm', ctx.args[0], 'vm_id');
  const disk = ownedIdle(ctx, 'disk', ctx.args[1], 'disk_id');
  const position = vm.disksId.indexOf(disk.id);
  if (position < 0)
    throw dataFault(
      'OBJECT_DISK',
      'CAUSE_NOT_ATTACHED',
      `Disk ${disk.id} is not attached to VM ${vm.id}`,
    );
  // "If the disk position is 0, i.e. the system disk, the virtual machine must be halted" (§8.1).
  requireState(
    vm,
    position === 0 ? ['halted'] : ['running', 'halted'],
    position === 0 ? 'detach the system disk' : 'detach a disk',
  );
  return vmOp(ctx, vm, 'disk_detach', {
    diskId: disk.id,
    params: { vm_id: vm.id, disk_id: disk.id },
  });
};

const ifaceAttach = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const vm = ownedIdle(ctx, 'vm', ctx.args[0], 'vm_id');
  const iface = ownedIdle(ctx, 'iface', ctx.args[1], 'iface_id');
  sameDatacenter('OBJECT_IFACE', 'The iface and the VM', iface.datacenterId, vm.datacenterId);
  if (iface.vmId !== null || iface.state !== 'free')
    throw dataFault('OBJECT_IFACE', 'CAUSE_ATTACHED', `Iface ${iface.id} is not free`);
  requireState(vm, ['running', 'halted'], 'attach an iface');
  return vmOp(ctx, vm, 'iface_attach', {
    ifaceId: iface.id,
    params: { vm_id: vm.id, iface_id: iface.id },
  });
};

const ifaceDetach = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 2);
  const vm = ownedIdle(ctx, 'vm', ctx.args[0], 'vm_id');
  const iface = ownedIdle(ctx, 'iface', ctx.args[1], 'iface_id');
  if (!vm.ifacesId.includes(iface.id))
    throw dataFault(
      'OBJECT_IFACE',
      'CAUSE_NOT_ATTACHED',
      `Iface ${iface.id} is not attached to VM ${vm.id}`,
    );
  requireState(vm, ['running', 'halted'], 'detach an iface');
  return vmOp(ctx, vm, 'iface_detach', {
    ifaceId: iface.id,
    params: { vm_id: vm.id, iface_id: iface.id },
  });
};

function migrationTargets(vm: VmRec): number[] {
  return DATACENTER_BY_ID.get(vm.datacenterId)?.canMigrateTo ?? [];
}

const canMigrate = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1);
  const vm = owned(ctx, 'vm', ctx.args[0], 'vm_id');
  const code = (id: number) => DATACENTER_BY_ID.get(id)?.dcCode ?? String(id);
  const targets = migrationTargets(vm);
  // A VM whose copy is done and waits to be finalized can (and must) be migrated again with
  // `finalize: true`: gandi.cli's `vm migrate --finalize` asks can_migrate first.
  const waiting = pendingMigration(ctx, vm)?.params.inner_step === 'wait_finalize';
  return {
    can_migrate: targets.length > 0 && (!vm.isMigrating || waiting),
    matched: [code(vm.datacenterId)],
    can_migrate_to: targets.map(code),
  };
};

function pendingMigration(ctx: CallContext, vm: VmRec): OperationRec | undefined {
  for (const id of ctx.sim.store.pendingOps) {
    const op = ctx.sim.store.get('op', id);
    if (op && op.type === 'hosting_migration_vm' && op.vmId === vm.id && op.step === 'RUN')
      return op;
  }
  return undefined;
}

/** Two phases: `finalize=false` starts the copy (`wait_sync` → `wait_finalize`), `true` completes it. */
const migrate = (ctx: CallContext) => {
  expectArity(ctx.method, ctx.args, 1, 2);
  const vm = owned(ctx, 'vm', ctx.args[0], 'vm_id');
  const finalize = ctx.args[1] === undefined ? false : bool(ctx.args[1], 'finalize');
  const { sim, account } = ctx;
  if (finalize) {
    const op = pendingMigration(ctx, vm);
    if (!op || op.params.inner_step !== 'wait_finalize') {
      throw dataFault(
        'OBJECT_VM',
        'CAUSE_STATE',
        `VM ${vm.id} has no migration waiting to be finalized`,
      );
    }
    const now = sim.now();
    const updated: OperationRec = {
      ...op,
      params: { ...op.params, inner_step: 'finalize' },
      doneAt: now + sim.timing.runMs,
      dateUpdated: now,
    };
    sim.store.put('op', updated);
    return fullOperationView(updated, account.handle, now);
  }
  const targets = migrationTargets(vm);
  const to = targets[0];
  if (to === undefined)
    throw dataFault(
      'OBJECT_VM',
      'CAUSE_DATACENTER',
      `VM ${vm.id} cannot be migrated from its datacenter`,
    );
  requireIdle(ctx, 'vm', vm.id);
  requireState(vm, ['running', 'halted'], 'migrate');
  const op = createOperation(sim, {
    accountId: account.id,
    type: 'hosting_migration_vm',
    vmId: vm.id,
    params: { vm_id: vm.id, from_dc_id: vm.datacenterId, to_dc_id: to, inner_step: 'wait_sync' },
  });
  sim.store.put('vm', { ...vm, isMigrating: true });
  return fullOperationView(op, account.handle, sim.now());
};

/** A VM boots from its system disk (position 0): without one it cannot start (CAUSE_NO_DISK). */
const start: MethodDef = {
  handler: (ctx) => {
    expectArity(ctx.method, ctx.args, 1);
    const vm = ownedIdle(ctx, 'vm', ctx.args[0], 'vm_id');
    requireCredits(ctx);
    requireState(vm, ['halted'], 'start');
    if (vm.disksId.length === 0)
      throw dataFault('OBJECT_VM', 'CAUSE_NO_DISK', `VM ${vm.id} has no system disk to boot from`);
    return vmOp(ctx, vm, 'vm_start');
  },
};

export const VM_ACTION_METHODS: Record<string, MethodDef> = {
  'hosting.vm.start': start,
  'hosting.vm.stop': simpleAction('vm_stop', ['running'], 'stop'),
  'hosting.vm.reboot': simpleAction('vm_reboot', ['running'], 'reboot'),
  'hosting.vm.update': { handler: update },
  'hosting.vm.disk_attach': { handler: diskAttach },
  'hosting.vm.disk_detach': { handler: diskDetach },
  'hosting.vm.iface_attach': { handler: ifaceAttach },
  'hosting.vm.iface_detach': { handler: ifaceDetach },
  'hosting.vm.can_migrate': { handler: canMigrate },
  'hosting.vm.migrate': { handler: migrate },
};
