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
import { idempotencyStore } from '@/lib/shared-state/runtime';
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

/**
 * A delete of `vmId` already sent (by a replica that died before recording it, another tab, a
 * batch): followed, never sent twice. Ended in ERROR or cancelled, it no longer counts.
 */
export async function sentVmDelete(conn: GandiConnection, vmId: Id): Promise<Operation | null> {
  const deletes = await operationList(conn, { vm_id: vmId, type: 'vm_delete' });
  return deletes.find((op) => op.step !== 'ERROR' && op.step !== 'CANCEL') ?? null;
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

/** Renames the VM; the API refuses a hostname already used by another of the account's VMs. */
export async function renameVm(
  conn: GandiConnection,
  vmId: Id,
  hostname: string,
): Promise<StartedOperations> {
  const vm = await vmInfo(conn, vmId);
  if (vm.hostname === hostname) {
    throw new ActionError('Nothing to change: type a new hostname.', {
      hostname: ['This is already its hostname.'],
    });
  }
  return started(await vmUpdate(conn, vmId, { hostname }));
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

/** A day: a wizard left open overnight and submitted again still finds its first result. */
const CREATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The creations of every replica, in the shared storage: a second submit of one wizard, on any
 * replica, waits for the first and gets its result.
 */
function creationStore() {
  return idempotencyStore<CreatedVm>('vm-create', {
    ttlMs: CREATION_TTL_MS,
    // create_from answers within the client's timeout; past this the runner is gone.
    leaseMs: 2 * 60_000,
    waitMs: 60_000,
    pollMs: 150,
    forgetOnError: nothingCreated,
    describeError: (error) =>
      error instanceof ActionError || error instanceof GandiError
        ? error.message
        : 'The first submit of this form failed; the server may have been created — check the list.',
    replayError: (message) => new ActionError(message),
  });
}

/** The key never contains the API key: endpoint and account handle identify the account. */
function creationKey(session: VerifiedSession, token: string): string {
  return `vm-create|${session.endpoint.id}|${session.handle}|${token}`;
}

/** The result of an earlier submit of this wizard, if it succeeded (null while pending/failed). */
export async function findCreation(
  session: VerifiedSession,
  token: string,
): Promise<CreatedVm | null> {
  const outcome = await (await creationStore()).peek(creationKey(session, token));
  return outcome?.state === 'done' ? outcome.result : null;
}

/** True when this wizard was submitted before (pending, done or failed): nothing new to count. */
export async function creationClaimed(session: VerifiedSession, token: string): Promise<boolean> {
  return (await (await creationStore()).peek(creationKey(session, token))) !== null;
}

export async function createVmOnce(
  session: VerifiedSession,
  input: CreateVmInput,
): Promise<CreatedVm> {
  return (await creationStore()).run(creationKey(session, input.token), () =>
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
