import 'server-only';
import { diskInfo, imageList, vmInfo, type GandiConnection } from '@/lib/gandi';
import type { CallNames } from './describe-call';
import { namedIds } from './describe-call';
import type { GateCall } from './gate-types';

/** At most this many objects are looked up for one page of cards; the rest show their ids. */
const MAX_LOOKUPS = 40;

/** The current names of what these calls name (images, disks, VMs), for their cards. */
export async function loadCallNames(
  conn: GandiConnection,
  calls: readonly GateCall[],
): Promise<CallNames> {
  const disks = new Set<number>();
  const vms = new Set<number>();
  for (const call of calls) {
    const ids = namedIds(call);
    ids.disks.forEach((id) => disks.add(id));
    ids.vms.forEach((id) => vms.add(id));
  }
  if (disks.size === 0 && vms.size === 0) return {};
  const quietly = <T>(promise: Promise<T>) => promise.catch(() => null);
  const [images, diskInfos, vmInfos] = await Promise.all([
    disks.size > 0 ? quietly(imageList(conn)) : null,
    Promise.all([...disks].slice(0, MAX_LOOKUPS).map((id) => quietly(diskInfo(conn, id)))),
    Promise.all([...vms].slice(0, MAX_LOOKUPS).map((id) => quietly(vmInfo(conn, id)))),
  ]);
  return {
    images: new Map((images ?? []).map((image) => [image.diskId, image.label])),
    disks: new Map(diskInfos.flatMap((disk) => (disk ? [[disk.id, disk.name] as const] : []))),
    vms: new Map(vmInfos.flatMap((vm) => (vm ? [[vm.id, vm.hostname] as const] : []))),
  };
}
