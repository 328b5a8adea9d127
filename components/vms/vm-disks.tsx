import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { textLinkClasses } from '@/components/ui/text-link';
import type { Disk } from '@/lib/gandi/types';
import { DetailCard } from './detail-card';
import { formatMemory } from './format';

/** Disks in attachment order: position 0 is the system disk (`disks_id` order). */
export function VmDisks({ disks, diskIds }: { disks: Disk[]; diskIds: number[] }) {
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DetailCard>
  );
}

function position(diskIds: number[], id: number): number {
  const index = diskIds.indexOf(id);
  return index === -1 ? diskIds.length : index;
}
