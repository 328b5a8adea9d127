import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatState } from '@/components/vms/format';
import type { VlanRow } from '@/lib/dal/vlans';

export function VlanTable({ rows }: { rows: VlanRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <caption className="sr-only">Private VLANs</caption>
        <thead className="bg-zinc-50 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-3">
              Name
            </th>
            <th scope="col" className="px-4 py-3">
              Subnet
            </th>
            <th scope="col" className="px-4 py-3">
              Gateway
            </th>
            <th scope="col" className="px-4 py-3">
              Datacenter
            </th>
            <th scope="col" className="px-4 py-3">
              State
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((vlan) => (
            <tr key={vlan.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <th scope="row" className="px-4 py-3 text-left font-medium">
                <Link
                  href={`/network/vlans/${vlan.id}`}
                  className="text-teal-800 underline-offset-2 hover:underline dark:text-teal-300"
                >
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
        </tbody>
      </table>
    </div>
  );
}
