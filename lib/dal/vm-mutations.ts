import 'server-only';
import { ActionError } from '@/lib/action';
import type { VerifiedSession } from '@/lib/dal/auth';
import {
  datacenterList,
  GandiError,
  imageList,
  operationList,
  sshList,
  vmCreateFrom,
  vmDelete,
  vmInfo,
  vmReboot,
  vmStart,
  vmStop,
  vmUpdate,
  type GandiConnection,
} from '@/lib/gandi';
import type { Id, Operation, VmInfo } from '@/lib/gandi/types';
import { diskSizeProblem, type CreateVmInput } from '@/lib/validation/vm';
import { buildCreateFromCall } from '@/lib/validation/vm-create-call';
import { planResize } from '@/lib/validation/vm-resize';
import { createIdempotencyStore, type IdempotencyStore } from './vm-create-idempotency';
import { createPrivateIfaceForVm } from './vlans';

/** What an action that started operations returns to the browser (ids for `<OperationProgress>`). */
export interface StartedOperations {
  operations: { id: Id; type: string }[];
}

function started(...operations: Operation[]): StartedOperations {
  return { operations: operations.map((op) => ({ id: op.id, type: op.type })) };
}

export async function startVm(conn: GandiConnection, vmId: Id): Promise<StartedOperations> {
  return started(await vmStart(conn, vmId));
}

export async function stopVm(conn: GandiConnection, vmId: Id): Promise<StartedOperations> {
  return started(await vmStop(conn, vmId));
}

export async function rebootVm(conn: GandiConnection, vmId: Id): Promise<StartedOperations> {
  return started(await vmReboot(conn, vmId));
}

// ---------------------------------------------------------------------------------------------
// Delete: a running VM is stopped first (gandi.cli and libcloud do the same; the API deletes
// halted VMs). The browser calls this again when the stop is DONE, which then deletes.

export interface DeleteStep extends StartedOperations {
  phase: 'stopping' | 'deleting';
}

const PENDING_STEPS = ['BILL', 'WAIT', 'RUN'];

/** The VM, once the hostname typed to confirm its deletion matches (it may have been renamed). */
export async function confirmedForDelete(
  conn: GandiConnection,
  vmId: Id,
  confirmHostname: string,
): Promise<VmInfo> {
  const vm = await vmInfo(conn, vmId);
  if (confirmHostname !== vm.hostname) {
    throw new ActionError('The hostname does not match.', {
      confirm_hostname: [`Type ${vm.hostname} exactly to confirm.`],
    });
  }
  return vm;
}

export async function deleteVmStep(
  conn: GandiConnection,
  vmId: Id,
  confirmHostname: string,
): Promise<DeleteStep> {
  return deleteVmPhase(conn, await confirmedForDelete(conn, vmId, confirmHostname));
}

/**
 * The next step of deleting `vm` as it is now (the VM page and the bulk delete both call this):
 * a running VM is stopped, a halted one deleted, any other state refused.
 */
export async function deleteVmPhase(
  conn: GandiConnection,
  vm: Pick<VmInfo, 'id' | 'state'>,
): Promise<DeleteStep> {
  if (vm.state === 'running') {
    // A stop already under way (a second click, another tab, a batch) is followed, not repeated.
    const pending = await operationList(conn, {
      vm_id: vm.id,
      type: 'vm_stop',
      step: PENDING_STEPS,
    });
    const stop = pending[0] ?? (await vmStop(conn, vm.id));
    return { phase: 'stopping', ...started(stop) };
  }
  if (vm.state === 'halted') {
    return { phase: 'deleting', ...started(await vmDelete(conn, vm.id)) };
  }
  throw new ActionError(
    `This VM is ${vm.state.replace(/_/g, ' ')}: it can be deleted once it is running or halted.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Resize

export interface ResizeResult extends StartedOperations {
  needsReboot: boolean;
}

/**
 * Re-plans the change against the VM as it is now (not as the form saw it): if it has started
 * since, a change that was live may now need a restart, and the user must have agreed to it.
 */
export async function resizeVm(
  conn: GandiConnection,
  vmId: Id,
  wanted: { memory: number; cores: number },
  rebootAccepted: boolean,
): Promise<ResizeResult> {
  const vm = await vmInfo(conn, vmId);
  const plan = planResize(vm, wanted);
  if (!plan.changed) throw new ActionError('Nothing to change: pick other values.');
  if (plan.needsReboot && !rebootAccepted) {
    throw new ActionError(plan.explanation, {
      accept_reboot: ['Tick this box to agree to the restart.'],
    });
  }
  return { needsReboot: plan.needsReboot, ...started(await vmUpdate(conn, vmId, plan.spec)) };
}

// ---------------------------------------------------------------------------------------------
// Create, once per wizard token

export interface CreatedVm extends StartedOperations {
  vmId: Id | null;
  hostname: string;
}

/** A failure proving nothing was created: the same wizard may be corrected and sent again. */
function nothingCreated(error: unknown): boolean {
  return error instanceof ActionError || (error instanceof GandiError && error.kind === 'fault');
}

const STORE_KEY = Symbol.for('gandi-panel.vm-create-idempotency');
type GlobalWithStore = typeof globalThis & { [STORE_KEY]?: IdempotencyStore<CreatedVm> };

/** One store per server process (on globalThis so every bundle of the app shares it). */
function creationStore(): IdempotencyStore<CreatedVm> {
  const holder = globalThis as GlobalWithStore;
  holder[STORE_KEY] ??= createIdempotencyStore<CreatedVm>({
    ttlMs: 24 * 60 * 60 * 1000,
    maxEntries: 10_000,
    forgetOnError: nothingCreated,
  });
  return holder[STORE_KEY];
}

/** The key never contains the API key: endpoint and account handle identify the account. */
function creationKey(session: VerifiedSession, token: string): string {
  return `${session.endpoint.id}|${session.handle}|${token}`;
}

/** The result of an earlier submit of this wizard, if there was one (settled or not). */
export async function findCreation(
  session: VerifiedSession,
  token: string,
): Promise<CreatedVm | null> {
  const pending = creationStore().peek(creationKey(session, token));
  if (!pending) return null;
  return pending.catch(() => null);
}

export function createVmOnce(session: VerifiedSession, input: CreateVmInput): Promise<CreatedVm> {
  return creationStore().run(creationKey(session, input.token), () =>
    createVm(session.conn, input),
  );
}

/** Checks the choices against the account's real catalogue, then calls `create_from`. */
async function createVm(conn: GandiConnection, input: CreateVmInput): Promise<CreatedVm> {
  const [datacenters, images, keys] = await Promise.all([
    datacenterList(conn),
    imageList(conn, { datacenter_id: input.datacenter_id }),
    input.ssh_key_ids.length > 0 ? sshList(conn) : Promise.resolve([]),
  ]);
  const fieldErrors: Record<string, string[]> = {};
  const datacenter = datacenters.find((dc) => dc.id === input.datacenter_id);
  if (!datacenter) fieldErrors.datacenter_id = ['Choose a datacenter from the list.'];
  else if (datacenter.iaasClosedFor === 'ALL')
    fieldErrors.datacenter_id = [`${datacenter.name} is closed to new servers.`];
  const image = images.find((candidate) => candidate.diskId === input.src_disk_id);
  if (!image) fieldErrors.src_disk_id = ['Choose an image available in this datacenter.'];
  else {
    const sizeProblem = diskSizeProblem(input.disk_size, image.size);
    if (sizeProblem) fieldErrors.disk_size = [sizeProblem];
  }
  const known = new Set(keys.map((key) => key.id));
  if (input.ssh_key_ids.some((id) => !known.has(id)))
    fieldErrors.ssh_key_ids = ['Choose SSH keys of this account.'];
  if (Object.keys(fieldErrors).length > 0) {
    throw new ActionError('Some choices are no longer valid.', fieldErrors);
  }

  // On a private VLAN only: its interface first (see createPrivateIfaceForVm), then the VM on it.
  const privateIface =
    input.vlan_id === undefined
      ? null
      : await createPrivateIfaceForVm(conn, input.vlan_id, input.datacenter_id);
  const call = buildCreateFromCall(input, privateIface?.ifaceId ?? undefined);
  const operations = await vmCreateFrom(conn, call.vmSpec, call.diskSpec, call.srcDiskId);
  const vmId = operations.find((op) => op.vmId !== null)?.vmId ?? null;
  const all = privateIface ? [privateIface, ...operations] : operations;
  return { vmId, hostname: input.hostname, ...started(...all) };
}
