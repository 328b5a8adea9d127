import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { textLinkClasses } from '@/components/ui/text-link';
import type { Disk } from '@/lib/gandi/types';
import { DetailCard } from './detail-card';
import { formatMemory } from './format';
import { VmDiskTools } from './vm-disk-tools';

/**
 * Disks in attachment order (position 0 is the system disk, `disks_id` order), each a link to its
 * page, with its snapshots counted and the disk page's snapshot and detach forms below.
 */
export function VmDisks({
  disks,
  diskIds,
  vm,
  diskOwners,
}: {
  disks: Disk[];
  diskIds: number[];
  vm: { id: number; hostname: string; state: string };
  /** Who created each disk through the portal, for an operator's controls (else null). */
  diskOwners: ReadonlyMap<number, string> | null;
}) {
  const ordered = [...disks].sort((a, b) => position(diskIds, a.id) - position(diskIds, b.id));
  return (
    <DetailCard id="vm-disks" title="Disks">
      {ordered.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No disk attached.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Attached disks</caption>
            <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-4">
                  Position
                </th>
                <th scope="col" className="py-1 pr-4">
                  Name
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  Size
                </th>
                <th scope="col" className="py-1 pr-4">
                  Boot
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  Snapshots
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((disk) => (
                <tr key={disk.id} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-2 pr-4 tabular-nums">{position(diskIds, disk.id)}</td>
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <Link href={`/disks/${disk.id}`} className={textLinkClasses}>
                      {disk.name}
                    </Link>
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMemory(disk.size)}</td>
                  <td className="py-2 pr-4">
                    {disk.isBootDisk ? <Badge tone="info">Boot disk</Badge> : 'No'}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{disk.snapshotIds.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <VmDiskTools
        vm={vm}
        disks={ordered.map((disk) => ({
          id: disk.id,
          name: disk.name,
          type: disk.type,
          canSnapshot: disk.canSnapshot,
          position: position(diskIds, disk.id),
          ownerId: diskOwners?.get(disk.id) ?? null,
        }))}
      />
    </DetailCard>
  );
}

function position(diskIds: number[], id: number): number {
  const index = diskIds.indexOf(id);
  return index === -1 ? diskIds.length : index;
}
