import 'server-only';
import { diskList, vmList, type GandiConnection } from '@/lib/gandi';
import type { ResourceNames } from '@/components/operations/resource-label';

/** At most this many ids of each kind per ask (the drawer lists what runs now: a few). */
export const NAMES_PER_ASK = 100;

/**
 * The names of the account's VMs and disks among `ids`, for operations listed outside the page
 * of their resource (the activity drawer). One list call per kind, in parallel; an id that is
 * not the account's (or no longer exists) is simply not named.
 */
export async function resourceNames(
  conn: GandiConnection,
  ids: { vmIds: number[]; diskIds: number[] },
): Promise<ResourceNames> {
  const page = (wanted: number[]) => ({ id: wanted, items_per_page: wanted.length });
  const [vms, disks] = await Promise.all([
    ids.vmIds.length === 0 ? [] : vmList(conn, page(ids.vmIds)),
    ids.diskIds.length === 0 ? [] : diskList(conn, page(ids.diskIds)),
  ]);
  return {
    vms: Object.fromEntries(vms.map((vm) => [vm.id, vm.hostname])),
    disks: Object.fromEntries(disks.map((disk) => [disk.id, disk.name])),
  };
}
