import 'server-only';
import { diskCount, diskList, listAll, type GandiConnection } from '@/lib/gandi';
import type { Id } from '@/lib/gandi/types';

/** A disk the VM page offers to attach: free, ready, in the VM's datacenter. */
export interface FreeDisk {
  id: Id;
  name: string;
  sizeMb: number;
}

/**
 * The account's data disks of one datacenter that no VM uses (a disk attaches only to a VM of
 * its own datacenter, and to one VM at a time). Loaded apart from the VM page's first paint.
 */
export async function listFreeDisks(conn: GandiConnection, datacenterId: Id): Promise<FreeDisk[]> {
  const disks = await listAll(
    conn,
    diskList,
    { datacenter_id: datacenterId, type: 'data', sort_by: 'name ASC' },
    diskCount,
  );
  return disks
    .filter((disk) => disk.vmIds.length === 0 && disk.state === 'created')
    .map((disk) => ({ id: disk.id, name: disk.name, sizeMb: disk.size }));
}
