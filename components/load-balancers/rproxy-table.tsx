import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ListTable, type ListColumn } from '@/components/ui/table';
import { textLinkClasses } from '@/components/ui/text-link';
import { formatState } from '@/components/vms/format';
import type { RproxyRow } from '@/lib/dal/rproxy';

const COLUMNS: ListColumn[] = [
  { label: 'Name' },
  { label: 'State' },
  { label: 'Datacenter' },
  { label: 'Domains' },
  { label: 'Backends up' },
];

export function RproxyTable({ rows }: { rows: RproxyRow[] }) {
  return (
    <ListTable caption="Load balancers" columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
          <th scope="row" className="px-4 py-3 text-left font-medium">
            <Link href={`/load-balancers/${row.id}`} className={textLinkClasses}>
              {row.name}
            </Link>
          </th>
          <td className="px-4 py-3">
            <Badge tone={row.state === 'running' ? 'success' : 'info'}>
              {formatState(row.state)}
            </Badge>
          </td>
          <td className="px-4 py-3 whitespace-nowrap">{row.datacenter}</td>
          <td className="px-4 py-3 text-xs break-all">
            {row.vhosts.length === 0 ? '—' : row.vhosts.join(', ')}
          </td>
          <td className="px-4 py-3 whitespace-nowrap">
            <Badge
              tone={
                row.backendsTotal === 0
                  ? 'neutral'
                  : row.backendsUp === row.backendsTotal
                    ? 'success'
                    : row.backendsUp === 0
                      ? 'danger'
                      : 'warning'
              }
            >
              {row.backendsUp}/{row.backendsTotal}
            </Badge>
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
