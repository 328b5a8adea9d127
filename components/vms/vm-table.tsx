import Link from 'next/link';
import { BulkRowCheckbox } from '@/components/bulk/bulk-checkbox';
import type { VmRow } from '@/lib/dal/vms';
import { formatMemory } from './format';
import { VmStateBadge } from './vm-state-badge';

function AddressList({ ips }: { ips: string[] }) {
  if (ips.length === 0) return <span className="text-zinc-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {ips.map((ip) => (
        <li key={ip} className="font-mono text-xs break-all">
          {ip}
        </li>
      ))}
    </ul>
  );
}

/** One page of VMs. The rows come already filtered, sorted and paged by the API. */
export function VmTable({ rows, caption }: { rows: VmRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-3">
              Hostname
            </th>
            <th scope="col" className="px-4 py-3">
              State
            </th>
            <th scope="col" className="px-4 py-3">
              Datacenter
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Cores
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Memory
            </th>
            <th scope="col" className="px-4 py-3">
              IPv4
            </th>
            <th scope="col" className="px-4 py-3">
              IPv6
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((vm) => (
            <tr key={vm.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <th scope="row" className="px-4 py-3 text-left font-medium">
                <BulkRowCheckbox id={vm.id} name={vm.hostname} />
                <Link
                  href={`/vms/${vm.id}`}
                  className="text-teal-800 underline-offset-2 hover:underline dark:text-teal-300"
                >
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
        </tbody>
      </table>
    </div>
  );
}
