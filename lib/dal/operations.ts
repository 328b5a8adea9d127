import 'server-only';
import {
  diskList,
  operationCount,
  operationList,
  vmList,
  type GandiConnection,
  type ListOptions,
} from '@/lib/gandi';
import type { ResourceNames } from '@/components/operations/resource-label';
import { RUNNING_STEPS, toOperationEvent, type OperationEvent } from '@/lib/operations/types';
import type { OperationFilters } from '@/lib/validation/operation-filters';

/** The newest running operations (BILL/WAIT/RUN), as the live views start from them. */
export async function listRunningOperations(conn: GandiConnection): Promise<OperationEvent[]> {
  const ops = await operationList(conn, {
    step: [...RUNNING_STEPS],
    items_per_page: 100,
    sort_by: 'date_created DESC',
  });
  return ops.map(toOperationEvent);
}

export interface OperationPage {
  operations: OperationEvent[];
  total: number;
}

/** One page of the account's operations, filtered and paged by the API (not locally). */
export async function listOperationPage(
  conn: GandiConnection,
  filters: OperationFilters,
): Promise<OperationPage> {
  const where: ListOptions = {};
  if (filters.step === 'running') where.step = [...RUNNING_STEPS];
  else if (filters.step) where.step = filters.step;
  if (filters.type) where.type = filters.type;
  const [ops, total] = await Promise.all([
    operationList(conn, {
      ...where,
      items_per_page: filters.pageSize,
      // The API counts pages from 0; the URL from 1.
      page: filters.page - 1,
      sort_by: 'date_created DESC',
    }),
    operationCount(conn, where),
  ]);
  return { operations: ops.map(toOperationEvent), total };
}

const distinct = (ids: (number | null)[]): number[] =>
  [...new Set(ids)].filter((id): id is number => id !== null);

/**
 * The VMs' hostnames and the disks' names a page of operations mentions, in two list calls
 * (by id, one page each). A resource deleted since is simply not named (its id is shown).
 */
export async function operationResourceNames(
  conn: GandiConnection,
  operations: readonly Pick<OperationEvent, 'vmId' | 'diskId'>[],
): Promise<ResourceNames> {
  return resourceNames(conn, {
    vmIds: distinct(operations.map((op) => op.vmId)),
    diskIds: distinct(operations.map((op) => op.diskId)),
  });
}

/** At most this many ids of each kind per ask (the activity drawer lists what runs now: a few). */
export const NAMES_PER_ASK = 100;

/**
 * The names of the account's VMs and disks among `ids`: one list call per kind, in parallel; an
 * id that is not the account's (or no longer exists) is simply not named.
 */
export async function resourceNames(
  conn: GandiConnection,
  ids: { vmIds: number[]; diskIds: number[] },
): Promise<ResourceNames> {
  const { vmIds, diskIds } = ids;
  const [vms, disks] = await Promise.all([
    vmIds.length === 0 ? [] : vmList(conn, { id: vmIds, items_per_page: vmIds.length }),
    diskIds.length === 0 ? [] : diskList(conn, { id: diskIds, items_per_page: diskIds.length }),
  ]);
  return {
    vms: Object.fromEntries(vms.map((vm) => [vm.id, vm.hostname])),
    disks: Object.fromEntries(disks.map((disk) => [disk.id, disk.name])),
  };
}
