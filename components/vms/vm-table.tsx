import { IpAddress } from '@/components/ui/ip-address';
import { textLinkClasses } from '@/components/ui/text-link';
import { ListTable, type ListColumn } from '@/components/ui/table';
import Link from 'next/link';
import { BulkRowCheckbox } from '@/components/bulk/bulk-checkbox';
import type { VmRow } from '@/lib/dal/vms';
import { formatMemory } from './format';
import { VmStateBadge } from './vm-state-badge';

function AddressList({ ips }: { ips: string[] }) {
  if (ips.length === 0) return <span className="text-zinc-600 dark:text-zinc-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {ips.map((ip) => (
        <li key={ip}>
          <IpAddress ip={ip} />
        </li>
      ))}
    </ul>
  );
}

const COLUMNS: ListColumn[] = [
  { label: 'Hostname' },
  { label: 'State' },
  { label: 'Datacenter' },
  { label: 'Cores', numeric: true },
  { label: 'Memory', numeric: true },
  { label: 'IPv4' },
  { label: 'IPv6' },
];

/** One page of VMs. The rows come already filtered, sorted and paged by the API. */
export function VmTable({ rows, caption }: { rows: VmRow[]; caption: string }) {
  return (
    <ListTable caption={caption} columns={COLUMNS}>
      {rows.map((vm) => (
        <tr key={vm.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
          {/* Room for a long hostname on a few lines; the table scrolls in its box on a phone. */}
          <th scope="row" className="min-w-48 px-4 py-3 text-left font-medium">
            <BulkRowCheckbox id={vm.id} name={vm.hostname} />
            <Link href={`/vms/${vm.id}`} className={textLinkClasses}>
              {vm.hostname}
            </Link>
          </th>
          <td className="px-4 py-3">
            <VmStateBadge state={vm.state} />
          </td>
          <td className="px-4 py-3 whitespace-nowrap">{vm.datacenter}</td>
          <td className="px-4 py-3 text-right tabular-nums">{vm.cores}</td>
          <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
            {formatMemory(vm.memory)}
          </td>
          <td className="px-4 py-3">
            <AddressList ips={vm.ipv4} />
          </td>
          <td className="px-4 py-3">
            <AddressList ips={vm.ipv6} />
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
