import { textLinkClasses } from '@/components/ui/text-link';
import { ListTable, type ListColumn } from '@/components/ui/table';
import Link from 'next/link';
import { BulkRowCheckbox } from '@/components/bulk/bulk-checkbox';
import { Badge } from '@/components/ui/badge';
import type { IpRow } from '@/lib/dal/network';

const COLUMNS: ListColumn[] = [
  { label: 'Address' },
  { label: 'Version' },
  { label: 'Network' },
  { label: 'Reverse DNS' },
  { label: 'Interface' },
  { label: 'VM' },
  { label: 'Datacenter' },
];

/** One page of IPs; each row links to its interface, where attach/detach/delete/reverse live. */
export function IpTable({ rows, caption }: { rows: IpRow[]; caption: string }) {
  return (
    <ListTable caption={caption} columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
          <th
            scope="row"
            className="px-4 py-3 text-left font-mono text-xs font-medium whitespace-nowrap"
          >
            <BulkRowCheckbox id={row.id} name={row.ip ?? `IP #${row.id}`} />
            {row.ip ?? <span className="text-zinc-600 dark:text-zinc-400">being created…</span>}
          </th>
          <td className="px-4 py-3">
            <Badge>IPv{row.version}</Badge>
          </td>
          <td className="px-4 py-3">
            {row.type === 'private' ? (
              <Badge tone="warning">Private{row.vlanName ? ` · ${row.vlanName}` : ''}</Badge>
            ) : (
              <Badge tone="info">Public</Badge>
            )}
          </td>
          <td className="px-4 py-3 text-xs break-all">
            {row.reverse || <span className="text-zinc-600 dark:text-zinc-400">—</span>}
          </td>
          <td className="px-4 py-3 whitespace-nowrap">
            {row.ifaceId === null ? (
              '—'
            ) : (
              <Link href={`/network/interfaces/${row.ifaceId}`} className={textLinkClasses}>
                Interface #{row.ifaceId}
              </Link>
            )}
          </td>
          <td className="px-4 py-3">
            {row.vm ? (
              <Link href={`/vms/${row.vm.id}`} className={textLinkClasses}>
                {row.vm.hostname}
              </Link>
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">Not attached</span>
            )}
          </td>
          <td className="px-4 py-3 whitespace-nowrap">{row.datacenter}</td>
        </tr>
      ))}
    </ListTable>
  );
}
