import { cn } from '@/components/ui/cn';
import { textLinkClasses } from '@/components/ui/text-link';
import { ListTable, type ListColumn } from '@/components/ui/table';
import Link from 'next/link';
import { BulkRowCheckbox } from '@/components/bulk/bulk-checkbox';
import { formatMemory } from '@/components/vms/format';
import type { DiskRow } from '@/lib/dal/disks';
import { AttachmentText } from './attachment-text';
import { DiskStateBadge, DiskTypeBadge } from './disk-type-badge';

const COLUMNS: ListColumn[] = [
  { label: 'Name' },
  { label: 'Size', numeric: true },
  { label: 'Type' },
  { label: 'Datacenter' },
  { label: 'Attached to' },
  { label: 'Kernel' },
  { label: 'Snapshot profile' },
];

/** One page of disks. The rows come already filtered, sorted and paged by the API. */
export function DiskTable({ rows, caption }: { rows: DiskRow[]; caption: string }) {
  return (
    <ListTable caption={caption} columns={COLUMNS}>
      {rows.map((disk) => (
        <tr key={disk.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
          <th scope="row" className="min-w-40 px-4 py-3 text-left font-medium">
            <BulkRowCheckbox id={disk.id} name={disk.name} />
            <Link href={`/disks/${disk.id}`} className={cn('break-words', textLinkClasses)}>
              {disk.name}
            </Link>
            {disk.state !== 'created' ? (
              <span className="ml-2">
                <DiskStateBadge state={disk.state} />
              </span>
            ) : null}
          </th>
          <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
            {formatMemory(disk.sizeMb)}
          </td>
          <td className="px-4 py-3">
            <DiskTypeBadge type={disk.type} />
          </td>
          <td className="px-4 py-3 whitespace-nowrap">{disk.datacenter}</td>
          <td className="px-4 py-3">
            <AttachmentText attachment={disk.attachment} />
          </td>
          <td className="px-4 py-3 font-mono text-xs">{disk.kernel ?? '—'}</td>
          <td className="px-4 py-3">{disk.snapshotProfile ?? '—'}</td>
        </tr>
      ))}
    </ListTable>
  );
}
