import 'server-only';
import { datacenterChoices, type DatacenterChoice } from '@/lib/datacenter-choices';
import { ActionError } from '@/lib/action';
import {
  GandiError,
  ifaceCreate,
  ifaceDelete,
  ifaceInfo,
  ifaceList,
  ipCount,
  ipList,
  ipUpdate,
  operationList,
  vmIfaceAttach,
  vmIfaceDetach,
  vmList,
  type GandiConnection,
} from '@/lib/gandi';
import { listDatacenters } from './catalog';
import type { Datacenter, Iface, Id, IpAddress, Operation } from '@/lib/gandi/types';
import { IP_SORTS, type CreatePublicIfaceInput, type IpListQuery } from '@/lib/validation/network';
import { datacenterLabel } from './vms';

/** Rows per page of the IP list. */
export const IP_PAGE_SIZE = 25;
/** How many VMs the attach menu offers (the VMs of the interface's datacenter, by hostname). */
export const ATTACH_CHOICES_MAX = 500;
const RUNNING_STEPS = ['BILL', 'WAIT', 'RUN'];

/** What an action that started operations returns to the browser (ids for `<OperationProgress>`). */
export interface StartedNetworkOperations {
  operations: { id: Id; type: string }[];
}

export function started(...operations: Operation[]): StartedNetworkOperations {
  return { operations: operations.map((op) => ({ id: op.id, type: op.type })) };
}

/** What the IP list shows per row; nothing here may carry the key (it goes to the browser). */
export interface IpRow {
  id: Id;
  ip: string | null;
  version: 4 | 6;
  state: string;
  reverse: string | null;
  type: 'public' | 'private';
  ifaceId: Id | null;
  vlanName: string | null;
  vm: { id: Id; hostname: string } | null;
  datacenter: string;
}

export interface IpPage {
  rows: IpRow[];
  total: number;
  page: number;
  pageSize: number;
  datacenters: Datacenter[];
}

export function ipListFilters(query: IpListQuery): Record<string, string | number> {
  const filters: Record<string, string | number> = {};
  if (query.version) filters.version = Number(query.version);
  if (query.type) filters.type = query.type;
  if (query.dc) filters.datacenter_id = query.dc;
  if (query.vm) filters['~vm_hostname'] = `%${query.vm}%`;
  return filters;
}

/** Hostnames of some VMs, in one call (ids the list already knows; never the whole account). */
async function hostnames(conn: GandiConnection, ids: Id[]): Promise<Map<Id, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const vms = await vmList(conn, { id: unique, items_per_page: unique.length });
  return new Map(vms.map((vm) => [vm.id, vm.hostname]));
}

/**
 * One page of IPs, filtered, sorted and paged by the API. The interfaces (for VLAN names) and
 * VMs (for hostnames) of that page only are read in one call each.
 */
export async function getIpPage(conn: GandiConnection, query: IpListQuery): Promise<IpPage> {
  const filters = ipListFilters(query);
  const [ips, total, datacenters] = await Promise.all([
    ipList(conn, {
      ...filters,
      page: query.page - 1,
      items_per_page: IP_PAGE_SIZE,
      sort_by: IP_SORTS[query.sort],
    }),
    ipCount(conn, filters),
    listDatacenters(conn),
  ]);
  const ifaceIds = [
    ...new Set(ips.flatMap((ip) => (ip.type === 'private' && ip.ifaceId ? [ip.ifaceId] : []))),
  ];
  const [ifaces, names] = await Promise.all([
    ifaceIds.length === 0
      ? Promise.resolve([])
      : ifaceList(conn, { id: ifaceIds, items_per_page: ifaceIds.length }),
    hostnames(
      conn,
      ips.flatMap((ip) => (ip.vmId === null ? [] : [ip.vmId])),
    ),
  ]);
  const vlanByIface = new Map(ifaces.map((iface) => [iface.id, iface.vlan?.name ?? null]));
  const rows = ips.map((ip: IpAddress): IpRow => ({
    id: ip.id,
    ip: ip.ip,
    version: ip.version,
    state: ip.state,
    reverse: ip.reverse,
    type: ip.type ?? 'public',
    ifaceId: ip.ifaceId,
    vlanName: ip.ifaceId === null ? null : (vlanByIface.get(ip.ifaceId) ?? null),
    vm: ip.vmId === null ? null : { id: ip.vmId, hostname: names.get(ip.vmId) ?? `#${ip.vmId}` },
    datacenter: datacenterLabel(datacenters, ip.datacenterId),
  }));
  return { rows, total, page: query.page, pageSize: IP_PAGE_SIZE, datacenters };
}

export interface IfaceDetail {
  iface: Iface;
  datacenter: string;
  vm: { id: Id; hostname: string; state: string } | null;
  /** VMs of the same datacenter it can be attached to (running or halted). */
  attachChoices: { id: Id; hostname: string }[];
  runningOperationIds: Id[];
}

/** An interface with its IPs, where it is attached, and what it could be attached to. */
export async function getIfaceDetail(conn: GandiConnection, id: Id): Promise<IfaceDetail> {
  const [iface, datacenters, running] = await Promise.all([
    ifaceInfo(conn, id),
    listDatacenters(conn),
    operationList(conn, { iface_id: id, step: RUNNING_STEPS, items_per_page: 20 }),
  ]);
  const [vms, choices] = await Promise.all([
    iface.vmId === null ? Promise.resolve([]) : vmList(conn, { id: iface.vmId }),
    iface.vmId !== null
      ? Promise.resolve([])
      : vmList(conn, {
          datacenter_id: iface.datacenterId,
          state: ['running', 'halted'],
          items_per_page: ATTACH_CHOICES_MAX,
          sort_by: 'hostname ASC',
        }),
  ]);
  const vm = vms[0];
  return {
    iface,
    datacenter: datacenterLabel(datacenters, iface.datacenterId),
    vm: vm ? { id: vm.id, hostname: vm.hostname, state: vm.state } : null,
    attachChoices: choices.map((choice) => ({ id: choice.id, hostname: choice.hostname })),
    runningOperationIds: running.map((op) => op.id),
  };
}

/** `getIfaceDetail`, or null when the interface does not exist for this account. */
export async function getIfaceDetailOrNull(
  conn: GandiConnection,
  id: Id,
): Promise<IfaceDetail | null> {
  try {
    return await getIfaceDetail(conn, id);
  } catch (err) {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') return null;
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations

export interface CreatedIface extends StartedNetworkOperations {
  ifaceId: Id | null;
}

/**
 * A public interface = one IPv6, plus one IPv4 for `dual` (the API's `ip_version: 4`). Attaching
 * it to a VM is a second call the browser makes once the creation is DONE (the API refuses to
 * attach an interface still being created).
 */
export async function createPublicIface(
  conn: GandiConnection,
  input: CreatePublicIfaceInput,
): Promise<CreatedIface> {
  if (input.vm_id !== undefined) {
    const [vm] = await vmList(conn, { id: input.vm_id });
    if (!vm) throw new ActionError('That VM no longer exists.', { vm_id: ['Choose a VM.'] });
    if (vm.datacenterId !== input.datacenter_id)
      throw new ActionError('The VM is in another datacenter.', {
        vm_id: ['Choose a VM in the same datacenter as the new IP.'],
      });
  }
  const op = await ifaceCreate(conn, {
    datacenter_id: input.datacenter_id,
    ip_version: input.ip_mode === 'dual' ? 4 : 6,
    bandwidth: input.bandwidth,
  });
  return { ifaceId: op.ifaceId, ...started(op) };
}

export async function attachIface(
  conn: GandiConnection,
  ifaceId: Id,
  vmId: Id,
): Promise<StartedNetworkOperations> {
  const iface = await ifaceInfo(conn, ifaceId);
  if (iface.vmId !== null)
    throw new ActionError('This interface is already attached: detach it first.');
  if (iface.state === 'being_created')
    throw new ActionError('This interface is still being created: wait until it is ready.');
  return started(await vmIfaceAttach(conn, vmId, ifaceId));
}

export async function detachIface(
  conn: GandiConnection,
  ifaceId: Id,
  vmId: Id,
): Promise<StartedNetworkOperations> {
  return started(await vmIfaceDetach(conn, vmId, ifaceId));
}

/** How an interface is named to people: its addresses, which is what they know it by. */
export async function ifaceLabel(conn: GandiConnection, ifaceId: Id): Promise<string> {
  const iface = await ifaceInfo(conn, ifaceId);
  const addresses = (iface.ips ?? []).map((ip) => ip.ip);
  return addresses.length > 0
    ? `interface #${ifaceId} (${addresses.join(', ')})`
    : `interface #${ifaceId}`;
}

/** Deletes a detached interface and its IPs (the API refuses while it is attached). */
export async function deleteIface(
  conn: GandiConnection,
  ifaceId: Id,
): Promise<StartedNetworkOperations> {
  const iface = await ifaceInfo(conn, ifaceId);
  if (iface.vmId !== null)
    throw new ActionError('This interface is attached to a VM: detach it before deleting it.');
  return started(await ifaceDelete(conn, ifaceId));
}

export async function setReverse(
  conn: GandiConnection,
  ipId: Id,
  reverse: string,
): Promise<StartedNetworkOperations> {
  try {
    return started(await ipUpdate(conn, ipId, { reverse }));
  } catch (err) {
    if (err instanceof GandiError && err.kind === 'fault' && err.objectName === 'OBJECT_IP') {
      throw new ActionError('Gandi refused this reverse name.', { reverse: [err.reason] });
    }
    throw err;
  }
}

export interface CreateIpChoices {
  /** Open ones first: a closing one (`iaas_closed_for: NEW`) takes only accounts already there. */
  datacenters: DatacenterChoice[];
  /** Running or halted VMs (the first ATTACH_CHOICES_MAX by hostname), with their datacenter. */
  vms: { id: Id; hostname: string; datacenterId: Id }[];
}

/** What the "create a public IP" form offers: open datacenters and VMs to attach to. */
export async function getCreateIpChoices(conn: GandiConnection): Promise<CreateIpChoices> {
  const [datacenters, vms] = await Promise.all([
    listDatacenters(conn),
    vmList(conn, {
      state: ['running', 'halted'],
      items_per_page: ATTACH_CHOICES_MAX,
      sort_by: 'hostname ASC',
    }),
  ]);
  return {
    datacenters: datacenterChoices(datacenters),
    vms: vms.map((vm) => ({ id: vm.id, hostname: vm.hostname, datacenterId: vm.datacenterId })),
  };
}
