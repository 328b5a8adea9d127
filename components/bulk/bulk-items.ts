import 'server-only';
import { z } from 'zod';
import { ActionError, defineJsonAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import type { ActionContext } from '@/lib/action';
import { deleteDisk, snapshotDisk } from '@/lib/dal/disk-mutations';
import { deleteIface, ifaceLabel } from '@/lib/dal/network';
import { rebootVm, startVm, stopVm } from '@/lib/dal/vm-mutations';
import { diskInfo, ipInfo, vmInfo, type GandiConnection } from '@/lib/gandi';
import { heldRequestOf } from '@/lib/team/approvals/held';
import { holdDelete } from '@/lib/team/approvals/policy-hook';
import type { GateCall } from '@/lib/team/gate/gate-types';
import type { ResourceKind, TeamAction } from '@/lib/team/permission';
import type { BulkItemResult, BulkKind } from './bulk-model';
import { admitVmDelete, queueVmDeletes } from './bulk-vm-delete';

/**
 * One server-side action per (kind, verb) and item, each declared like the single-item actions
 * (`vm.stop` on that VM…): the team guard checks and audits every item on its own, so an operator
 * may stop the VMs they created in a batch that also names others' (those are refused, per item).
 */

interface Started {
  operations: { id: number }[];
  /** The VM delete: admitted to the durable job that stops and deletes (bulk-vm-delete.ts). */
  admitted?: true;
}
type ItemRunner = (conn: GandiConnection, id: number, ctx: ActionContext) => Promise<Started>;
type ItemAction = (input: { id: number }) => Promise<ActionState<Started>>;

const itemInput = z.object({ id: z.number().int().positive() });

function item(kind: ResourceKind, permission: TeamAction, run: ItemRunner): ItemAction {
  return defineJsonAction(itemInput, ({ id }, ctx: ActionContext) => run(ctx.conn, id, ctx), {
    permission,
    resource: ({ id }) => ({ kind, id }),
  });
}

/**
 * Checks the VM's state first: the API's answer to e.g. stopping a halted VM is a generic
 * "wrong state" fault, and a batch result should say what the state was.
 */
function whenVm(state: 'running' | 'halted', verb: string, run: ItemRunner): ItemRunner {
  return async (conn, id, ctx) => {
    const vm = await vmInfo(conn, id);
    if (vm.state !== state) {
      throw new ActionError(
        `${vm.hostname} is ${vm.state.replace(/_/g, ' ')}: only a ${state} VM can be ${verb}.`,
      );
    }
    return run(conn, id, ctx);
  };
}

async function deleteDiskById(conn: GandiConnection, id: number): Promise<Started> {
  // The batch confirmation named every disk; the single-disk guard's typed name is its own.
  const disk = await diskInfo(conn, id);
  return deleteDisk(conn, id, disk.name);
}

async function interfaceOf(conn: GandiConnection, ipId: number): Promise<number> {
  const ip = await ipInfo(conn, ipId);
  if (ip.ifaceId === null) throw new ActionError('This address has no interface to delete.');
  return ip.ifaceId;
}

async function deleteIpInterface(conn: GandiConnection, id: number): Promise<Started> {
  return deleteIface(conn, await interfaceOf(conn, id));
}

/**
 * Under the policy "any delete by an operator needs approval", each item's delete is filed as its
 * own request (named as the single-item forms name it) instead of run.
 */
function unlessHeld(
  action: 'vm.delete' | 'disk.delete' | 'iface.delete',
  callOf: (conn: GandiConnection, id: number) => Promise<GateCall>,
  paramsOf: (conn: GandiConnection, id: number) => Promise<Record<string, unknown>>,
  run: ItemRunner,
): ItemRunner {
  return async (conn, id, ctx) =>
    (await holdDelete(ctx, action, await callOf(conn, id), () => paramsOf(conn, id))) ??
    run(conn, id, ctx);
}

/** The delete call an item makes (for an address: its interface's). */
const deleteCall =
  (method: string, idOf: (conn: GandiConnection, id: number) => Promise<number> | number) =>
  async (conn: GandiConnection, id: number): Promise<GateCall> => ({
    method,
    args: [await idOf(conn, id)],
  });

const vmDeleteParams = async (conn: GandiConnection, id: number) => ({
  vm_id: id,
  hostname: (await vmInfo(conn, id)).hostname,
});
const diskDeleteParams = async (conn: GandiConnection, id: number) => ({
  disk_id: id,
  name: (await diskInfo(conn, id)).name,
});
const ifaceDeleteParams = async (conn: GandiConnection, id: number) => {
  const ifaceId = await interfaceOf(conn, id);
  return { iface_id: ifaceId, label: await ifaceLabel(conn, ifaceId) };
};

/** A snapshot is a new disk: the gate counts it against team quotas like the single-disk form. */
const snapshotWithinQuota = (conn: GandiConnection, diskId: number): Promise<Started> =>
  snapshotDisk(conn, diskId, '');

/** A VM's snapshot is one of its system disk (the boot disk), named by date like the form's. */
async function snapshotSystemDisk(conn: GandiConnection, id: number): Promise<Started> {
  const vm = await vmInfo(conn, id);
  const system = vm.disks.find((disk) => disk.isBootDisk);
  if (!system) throw new ActionError(`${vm.hostname} has no system disk to snapshot.`);
  return snapshotWithinQuota(conn, system.id);
}

const ITEM_ACTIONS: { [K in BulkKind]: Record<string, ItemAction> } = {
  vm: {
    start: item('vm', 'vm.start', whenVm('halted', 'started', startVm)),
    stop: item('vm', 'vm.stop', whenVm('running', 'stopped', stopVm)),
    reboot: item('vm', 'vm.reboot', whenVm('running', 'rebooted', rebootVm)),
    delete: item(
      'vm',
      'vm.delete',
      unlessHeld(
        'vm.delete',
        deleteCall('hosting.vm.delete', (_conn, id) => id),
        vmDeleteParams,
        admitVmDelete,
      ),
    ),
    // Who may snapshot a VM's disks: who may act on that VM.
    snapshot: item('vm', 'disk.snapshot', snapshotSystemDisk),
  },
  disk: {
    snapshot: item('disk', 'disk.snapshot', snapshotWithinQuota),
    delete: item(
      'disk',
      'disk.delete',
      unlessHeld(
        'disk.delete',
        deleteCall('hosting.disk.delete', (_conn, id) => id),
        diskDeleteParams,
        deleteDiskById,
      ),
    ),
  },
  ip: {
    delete: item(
      'ip',
      'ip.delete',
      unlessHeld(
        'iface.delete',
        deleteCall('hosting.iface.delete', interfaceOf),
        ifaceDeleteParams,
        deleteIpInterface,
      ),
    ),
  },
};

function startedResult(id: number, started: Started): BulkItemResult {
  const held = heldRequestOf(started);
  if (held) return { id, ok: false, held: true, requestId: held.requestId, message: held.why };
  return { id, ok: true, operationIds: started.operations.map((op) => op.id) };
}

/** How many items run at once: enough to be quick, few enough not to flood the endpoint. */
const CONCURRENCY = 4;

/** Runs `verb` on every id; a refusal or fault on one item does not stop the others. */
export async function runBulk(
  kind: BulkKind,
  verb: string,
  ids: readonly number[],
  ctx: ActionContext,
): Promise<BulkItemResult[]> {
  const found = ITEM_ACTIONS[kind][verb];
  if (!found) throw new ActionError(`“${verb}” is not a bulk action for this list.`);
  const action: ItemAction = found;
  const results: BulkItemResult[] = new Array<BulkItemResult>(ids.length);
  const admitted: number[] = [];
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index] as number;
      const state = await action({ id });
      if (state.status === 'ok' && state.data.admitted) admitted.push(id);
      results[index] =
        state.status === 'ok'
          ? startedResult(id, state.data)
          : { id, ok: false, message: state.status === 'error' ? state.message : 'Not run.' };
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  if (admitted.length === 0) return results;
  const jobId = await queueVmDeletes(ctx, admitted);
  return results.map((result) =>
    admitted.includes(result.id) ? { id: result.id, ok: true, jobId } : result,
  );
}
