import { textLinkClasses } from '@/components/ui/text-link';
import { ListTable, type ListColumn } from '@/components/ui/table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatState } from '@/components/vms/format';
import type { VlanRow } from '@/lib/dal/vlans';

const COLUMNS: ListColumn[] = [
  { label: 'Name' },
  { label: 'Subnet' },
  { label: 'Gateway' },
  { label: 'Datacenter' },
  { label: 'State' },
];

export function VlanTable({ rows }: { rows: VlanRow[] }) {
  return (
    <ListTable caption="Private VLANs" columns={COLUMNS}>
      {rows.map((vlan) => (
        <tr key={vlan.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
          <th scope="row" className="px-4 py-3 text-left font-medium">
            <Link href={`/network/vlans/${vlan.id}`} className={textLinkClasses}>
              {vlan.name}
            </Link>
          </th>
          <td className="px-4 py-3 font-mono text-xs">{vlan.subnet ?? '—'}</td>
          <td className="px-4 py-3 font-mono text-xs">{vlan.gateway ?? '—'}</td>
          <td className="px-4 py-3 whitespace-nowrap">{vlan.datacenter}</td>
          <td className="px-4 py-3">
            <Badge tone={vlan.state === 'created' ? 'success' : 'info'}>
              {formatState(vlan.state)}
            </Badge>
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
