import 'server-only';
import { notFound } from 'next/navigation';
import {
  GandiError,
  ipList,
  listAll,
  operationList,
  sshList,
  vlanList,
  vmCount,
  vmInfo,
  vmList,
  type GandiConnection,
} from '@/lib/gandi';
import { listAllImages, listDatacenters } from './catalog';
import type { Datacenter, Id, Operation, VmInfo, VmSummary } from '@/lib/gandi/types';
import { FINAL_STEPS } from '@/lib/gandi/types';
import type { WizardCatalog } from '@/components/wizard/wizard-model';
import { VM_SORTS, type VmListQuery } from '@/lib/validation/vm';

/** Rows per page of the VM list. */
export const VM_PAGE_SIZE = 25;
/** How many of a VM's operations its page shows. */
export const VM_OPERATIONS_SHOWN = 20;

/** What the VM list shows per row; nothing here may carry the key (it goes to the browser). */
export interface VmRow {
  id: Id;
  hostname: string;
  state: string;
  datacenter: string;
  cores: number;
  memory: number;
  ipv4: string[];
  ipv6: string[];
}

export interface VmPage {
  rows: VmRow[];
  total: number;
  page: number;
  pageSize: number;
  datacenters: Datacenter[];
}

/** The API filter for the list's URL query (shared by `vmList` and `vmCount`). */
export function vmListFilters(query: VmListQuery): Record<string, string | number> {
  const filters: Record<string, string | number> = {};
  if (query.state) filters.state = query.state;
  if (query.dc) filters.datacenter_id = query.dc;
  if (query.q) filters['~hostname'] = `%${query.q}%`;
  return filters;
}

export function datacenterLabel(datacenters: readonly Datacenter[], id: Id): string {
  const dc = datacenters.find((candidate) => candidate.id === id);
  return dc ? (dc.dcCode ?? dc.name) : `#${id}`;
}

/**
 * One page of VMs, filtered, sorted and paged by the API (an account may have 10,000 VMs: we
 * never fetch them all). The IPs come from one `ipList` call restricted to the page's
 * interfaces, not from every IP of the account.
 */
export async function getVmPage(conn: GandiConnection, query: VmListQuery): Promise<VmPage> {
  const filters = vmListFilters(query);
  const [vms, total, datacenters] = await Promise.all([
    vmList(conn, {
      ...filters,
      page: query.page - 1,
      items_per_page: VM_PAGE_SIZE,
      sort_by: VM_SORTS[query.sort],
    }),
    vmCount(conn, filters),
    listDatacenters(conn),
  ]);
  const ifaceIds = vms.flatMap((vm) => vm.ifaceIds);
  const ips = ifaceIds.length === 0 ? [] : await listAll(conn, ipList, { iface_id: ifaceIds });
  const ipsByIface = new Map<Id, { ip: string; version: 4 | 6 }[]>();
  for (const ip of ips) {
    if (ip.ifaceId === null || ip.ip === null) continue;
    const list = ipsByIface.get(ip.ifaceId) ?? [];
    list.push({ ip: ip.ip, version: ip.version });
    ipsByIface.set(ip.ifaceId, list);
  }
  const rows = vms.map((vm: VmSummary): VmRow => {
    const vmIps = vm.ifaceIds.flatMap((ifaceId) => ipsByIface.get(ifaceId) ?? []);
    return {
      id: vm.id,
      hostname: vm.hostname,
      state: vm.state,
      datacenter: datacenterLabel(datacenters, vm.datacenterId),
      cores: vm.cores,
      memory: vm.memory,
      ipv4: vmIps.filter((ip) => ip.version === 4).map((ip) => ip.ip),
      ipv6: vmIps.filter((ip) => ip.version === 6).map((ip) => ip.ip),
    };
  });
  return { rows, total, page: query.page, pageSize: VM_PAGE_SIZE, datacenters };
}

export interface VmDetail {
  vm: VmInfo;
  datacenter: Datacenter | null;
  operations: Operation[];
  /** Operations of this VM not yet in a final step (their progress is shown live). */
  runningOperationIds: Id[];
}

export function isRunningOperation(operation: Operation): boolean {
  return !FINAL_STEPS.includes(operation.step);
}

/** The VM with its disks, interfaces, IPs and its latest operations. */
export async function getVmDetail(conn: GandiConnection, id: Id): Promise<VmDetail> {
  const [vm, operations, datacenters] = await Promise.all([
    vmInfo(conn, id),
    operationList(conn, {
      vm_id: id,
      sort_by: 'date_created DESC',
      items_per_page: VM_OPERATIONS_SHOWN,
    }),
    listDatacenters(conn),
  ]);
  return {
    vm,
    datacenter: datacenters.find((dc) => dc.id === vm.datacenterId) ?? null,
    operations,
    runningOperationIds: operations.filter(isRunningOperation).map((op) => op.id),
  };
}

/** `getVmDetail`, with a VM that does not exist (or is not this account's) as Next's 404. */
export async function getVmDetailOrNotFound(conn: GandiConnection, id: Id): Promise<VmDetail> {
  try {
    return await getVmDetail(conn, id);
  } catch (err) {
    if (err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND') notFound();
    throw err;
  }
}

/** Everything the creation wizard offers, as plain data for the browser (no key, no params). */
export async function getWizardCatalog(conn: GandiConnection): Promise<WizardCatalog> {
  const [datacenters, images, sshKeys, vlans] = await Promise.all([
    listDatacenters(conn),
    listAllImages(conn),
    listAll(conn, sshList),
    listAll(conn, vlanList, { state: 'created' }),
  ]);
  return {
    datacenters: datacenters.map((dc) => ({
      id: dc.id,
      name: dc.name,
      dcCode: dc.dcCode,
      country: dc.country,
      iaasClosedFor: dc.iaasClosedFor,
      deactivateAt: dc.deactivateAt ? dc.deactivateAt.toISOString() : null,
    })),
    images: images.map((image) => ({
      diskId: image.diskId,
      datacenterId: image.datacenterId,
      label: image.label,
      size: image.size,
      osArch: image.osArch,
      deprecated: image.visibility === 'deprecated',
    })),
    sshKeys: sshKeys.map((key) => ({ id: key.id, name: key.name, fingerprint: key.fingerprint })),
    vlans: vlans.map((vlan) => ({
      id: vlan.id,
      name: vlan.name,
      subnet: vlan.subnet,
      datacenterId: vlan.datacenterId,
    })),
  };
}

/** Whether the account already has a VM called `hostname` (the API refuses a second one). */
export async function hostnameTaken(conn: GandiConnection, hostname: string): Promise<boolean> {
  return (await vmCount(conn, { hostname })) > 0;
}
