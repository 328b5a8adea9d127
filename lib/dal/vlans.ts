import 'server-only';
import { datacenterChoices, type DatacenterChoice } from '@/lib/datacenter-choices';
import { ActionError } from '@/lib/action';
import {
  GandiError,
  ifaceCreate,
  ipList,
  listAll,
  ifaceList,
  vlanCount,
  vlanCreate,
  vlanDelete,
  vlanInfo,
  vlanList,
  vlanUpdate,
  vmList,
  waitForOperations,
  type GandiConnection,
} from '@/lib/gandi';
import { listDatacenters } from './catalog';
import type { Id, Operation, Vlan, VlanUpdateSpec } from '@/lib/gandi/types';
import type {
  CreatePrivateIfaceInput,
  CreateVlanInput,
  UpdateVlanInput,
} from '@/lib/validation/vlan';
import { privateIfaceProblems, updateVlanProblems } from '@/lib/validation/vlan';
import { ATTACH_CHOICES_MAX, started, type StartedNetworkOperations } from './network';
import { datacenterLabel } from './vms';

export const VLAN_PAGE_SIZE = 25;

export interface VlanRow {
  id: Id;
  name: string;
  state: string;
  subnet: string | null;
  gateway: string | null;
  datacenter: string;
}

export interface VlanPage {
  rows: VlanRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Datacenters open to new resources, for the create form. */
  openDatacenters: DatacenterChoice[];
}

export async function getVlanPage(conn: GandiConnection, page: number): Promise<VlanPage> {
  const [vlans, total, datacenters] = await Promise.all([
    vlanList(conn, { page: page - 1, items_per_page: VLAN_PAGE_SIZE, sort_by: 'name ASC' }),
    vlanCount(conn),
    listDatacenters(conn),
  ]);
  return {
    rows: vlans.map((vlan) => ({
      id: vlan.id,
      name: vlan.name,
      state: vlan.state,
      subnet: vlan.subnet,
      gateway: vlan.gateway,
      datacenter: datacenterLabel(datacenters, vlan.datacenterId),
    })),
    total,
    page,
    pageSize: VLAN_PAGE_SIZE,
    openDatacenters: datacenterChoices(datacenters),
  };
}

/** One private interface of a VLAN, with its address and VM. */
export interface VlanMember {
  ifaceId: Id;
  state: string;
  address: string | null;
  vm: { id: Id; hostname: string } | null;
}

export interface VlanDetail {
  vlan: Vlan;
  datacenter: string;
  members: VlanMember[];
  /** VMs of the VLAN's datacenter a new private interface can be attached to. */
  attachChoices: { id: Id; hostname: string }[];
}

/** Every interface in a VLAN (a VLAN holds few: read them all), with addresses and VMs. */
async function vlanMembers(conn: GandiConnection, vlanId: Id): Promise<VlanMember[]> {
  const ifaces = await listAll(conn, ifaceList, { vlan_id: vlanId });
  if (ifaces.length === 0) return [];
  const vmIds = [...new Set(ifaces.flatMap((iface) => (iface.vmId === null ? [] : [iface.vmId])))];
  const [ips, vms] = await Promise.all([
    listAll(conn, ipList, { iface_id: ifaces.map((iface) => iface.id) }),
    vmIds.length === 0
      ? Promise.resolve([])
      : vmList(conn, { id: vmIds, items_per_page: vmIds.length }),
  ]);
  return ifaces.map((iface) => {
    const vm = vms.find((candidate) => candidate.id === iface.vmId);
    return {
      ifaceId: iface.id,
      state: iface.state,
      address: ips.find((ip) => ip.ifaceId === iface.id)?.ip ?? null,
      vm: vm
        ? { id: vm.id, hostname: vm.hostname }
        : iface.vmId === null
          ? null
          : { id: iface.vmId, hostname: `#${iface.vmId}` },
    };
  });
}

export async function getVlanDetail(conn: GandiConnection, id: Id): Promise<VlanDetail | null> {
  let vlan: Vlan;
  try {
    vlan = await vlanInfo(conn, id);
  } catch (err) {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') return null;
    throw err;
  }
  const [datacenters, members, choices] = await Promise.all([
    listDatacenters(conn),
    vlanMembers(conn, id),
    vmList(conn, {
      datacenter_id: vlan.datacenterId,
      state: ['running', 'halted'],
      items_per_page: ATTACH_CHOICES_MAX,
      sort_by: 'hostname ASC',
    }),
  ]);
  return {
    vlan,
    datacenter: datacenterLabel(datacenters, vlan.datacenterId),
    members,
    attachChoices: choices.map((vm) => ({ id: vm.id, hostname: vm.hostname })),
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations

const NAME_TAKEN = 'A VLAN with this name already exists in the account: choose another name.';

/** The API's refusal of a duplicate name, moved onto the name field. */
function nameTaken(err: unknown): never {
  if (
    err instanceof GandiError &&
    err.objectName === 'OBJECT_VLAN' &&
    err.causeName === 'CAUSE_EXIST'
  )
    throw new ActionError(NAME_TAKEN, { name: [NAME_TAKEN] });
  if (err instanceof GandiError && err.objectName === 'OBJECT_CIDR')
    throw new ActionError('Gandi refused this subnet.', { subnet: [err.reason] });
  if (err instanceof GandiError && err.objectName === 'OBJECT_IPV4')
    throw new ActionError('Gandi refused this gateway.', { gateway: [err.reason] });
  throw err;
}

export async function createVlan(
  conn: GandiConnection,
  input: CreateVlanInput,
): Promise<StartedNetworkOperations> {
  try {
    const op = await vlanCreate(conn, {
      name: input.name,
      datacenter_id: input.datacenter_id,
      ...(input.subnet ? { subnet: input.subnet } : {}),
      ...(input.gateway ? { gateway: input.gateway } : {}),
    });
    return started(op);
  } catch (err) {
    nameTaken(err);
  }
}

/** Rename and/or set the gateway, checked against the VLAN's real subnet (not the form's). */
export async function updateVlan(
  conn: GandiConnection,
  input: UpdateVlanInput,
): Promise<StartedNetworkOperations> {
  const vlan = await vlanInfo(conn, input.vlan_id);
  const problems = updateVlanProblems(input, vlan.subnet);
  if (Object.keys(problems).length > 0)
    throw new ActionError('Some fields need attention.', problems);
  const spec: VlanUpdateSpec = {};
  if (input.name !== vlan.name) spec.name = input.name;
  if (input.gateway !== undefined && input.gateway !== vlan.gateway) spec.gateway = input.gateway;
  if (Object.keys(spec).length === 0)
    throw new ActionError('Nothing to change: edit the name or the gateway.');
  try {
    return started(await vlanUpdate(conn, input.vlan_id, spec));
  } catch (err) {
    nameTaken(err);
  }
}

/**
 * Deletes a VLAN. The API refuses while interfaces use it; that refusal is explained with the
 * interfaces and VMs concerned, so the user knows what to detach and delete first.
 */
export async function deleteVlan(
  conn: GandiConnection,
  vlanId: Id,
  confirmName: string,
): Promise<StartedNetworkOperations> {
  const vlan = await vlanInfo(conn, vlanId);
  if (confirmName !== vlan.name)
    throw new ActionError('The name does not match.', {
      confirm_name: [`Type ${vlan.name} exactly to confirm.`],
    });
  try {
    return started(await vlanDelete(conn, vlanId));
  } catch (err) {
    if (!(err instanceof GandiError) || err.causeName !== 'CAUSE_ATTACHED') throw err;
    const members = await vlanMembers(conn, vlanId);
    const used = members.map((member) =>
      member.vm
        ? `${member.address ?? `interface #${member.ifaceId}`} on ${member.vm.hostname}`
        : `${member.address ?? `interface #${member.ifaceId}`} (not attached)`,
    );
    throw new ActionError(
      `Gandi refused: this VLAN is still in use by ${members.length} interface${members.length === 1 ? '' : 's'}` +
        `${used.length > 0 ? ` (${used.join(', ')})` : ''}. Detach and delete ${members.length === 1 ? 'it' : 'them'} first.`,
    );
  }
}

export interface CreatedPrivateIface extends StartedNetworkOperations {
  ifaceId: Id | null;
}

/** A private interface in the VLAN, with the requested address (checked in the subnet) or one the API picks. */
export async function createPrivateIface(
  conn: GandiConnection,
  input: CreatePrivateIfaceInput,
): Promise<CreatedPrivateIface> {
  const vlan = await vlanInfo(conn, input.vlan_id);
  const problems = privateIfaceProblems(input.ip, vlan);
  if (Object.keys(problems).length > 0) throw new ActionError('Choose another address.', problems);
  if (input.vm_id !== undefined) {
    const [vm] = await vmList(conn, { id: input.vm_id });
    if (!vm || vm.datacenterId !== vlan.datacenterId)
      throw new ActionError("Choose a VM of the VLAN's datacenter.", {
        vm_id: ['Choose a VM from the list.'],
      });
  }
  try {
    const op = await ifaceCreate(conn, {
      datacenter_id: vlan.datacenterId,
      vlan: vlan.id,
      ip_version: 4,
      ...(input.ip ? { ip: input.ip } : {}),
    });
    return { ifaceId: op.ifaceId, ...started(op) };
  } catch (err) {
    if (err instanceof GandiError && err.objectName === 'OBJECT_IP' && err.kind === 'fault') {
      const message =
        err.causeName === 'CAUSE_EXIST' ? 'This address is already used in the VLAN.' : err.reason;
      throw new ActionError('Gandi refused this address.', { ip: [message] });
    }
    throw err;
  }
}

/** How long a VM creation waits for its private interface (Gandi takes seconds, rarely a minute). */
const PRIVATE_IFACE_WAIT_MS = 120_000;

/**
 * For a VM created on a private VLAN only (the wizard): its private interface is created first
 * and the VM gets it as `vm_spec.iface_id`. The API cannot use an interface still being created,
 * so this waits for that operation; the returned (DONE) operation carries the interface id.
 */
export async function createPrivateIfaceForVm(
  conn: GandiConnection,
  vlanId: Id,
  datacenterId: Id,
): Promise<Operation> {
  const vlan = await vlanInfo(conn, vlanId);
  if (vlan.datacenterId !== datacenterId)
    throw new ActionError('The VLAN is in another datacenter.', {
      vlan_id: ["Choose a VLAN of the VM's datacenter."],
    });
  if (vlan.state !== 'created')
    throw new ActionError('The VLAN is not ready yet.', {
      vlan_id: ['This VLAN is still being set up: try again in a moment.'],
    });
  const op = await ifaceCreate(conn, { datacenter_id: datacenterId, vlan: vlanId, ip_version: 4 });
  const [final] = await waitForOperations(conn, [op.id], {
    signal: AbortSignal.timeout(PRIVATE_IFACE_WAIT_MS),
    intervalMs: 1_000,
  });
  // The create answer carries the interface id; the polled one may only have it in params.
  const ifaceId = final?.ifaceId ?? op.ifaceId;
  if (!final || final.step !== 'DONE' || ifaceId === null) {
    throw new ActionError(
      `The private interface could not be created${final?.lastError ? `: ${final.lastError}` : '.'} No VM was created.`,
    );
  }
  return { ...final, ifaceId };
}
