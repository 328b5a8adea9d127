import Link from 'next/link';
import { BulkRowCheckbox } from '@/components/bulk/bulk-checkbox';
import { formatMemory } from '@/components/vms/format';
import type { DiskRow } from '@/lib/dal/disks';
import { AttachmentText } from './attachment-text';
import { DiskStateBadge, DiskTypeBadge } from './disk-type-badge';

const HEAD = [
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
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {HEAD.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={column.numeric ? 'px-4 py-3 text-right' : 'px-4 py-3'}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((disk) => (
            <tr key={disk.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <th scope="row" className="min-w-40 px-4 py-3 text-left font-medium">
                <BulkRowCheckbox id={disk.id} name={disk.name} />
                <Link
                  href={`/disks/${disk.id}`}
                  className="break-words text-teal-800 underline-offset-2 hover:underline dark:text-teal-300"
                >
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
        </tbody>
      </table>
    </div>
  );
}
