import { textLinkClasses } from '@/components/ui/text-link';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DetailCard } from '@/components/vms/detail-card';
import { formatState } from '@/components/vms/format';
import type { VlanMember } from '@/lib/dal/vlans';

/** The private interfaces in a VLAN: what keeps it "in use". */
export function VlanMembers({ members }: { members: VlanMember[] }) {
  return (
    <DetailCard id="vlan-members" title="Private interfaces">
      {members.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No interface uses this VLAN: it can be deleted.
        </p>
      ) : (
        <table className="min-w-full text-sm">
          <caption className="sr-only">Private interfaces in this VLAN</caption>
          <thead className="text-left text-xs text-zinc-600 uppercase dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Address
              </th>
              <th scope="col" className="py-2 pr-3">
                VM
              </th>
              <th scope="col" className="py-2">
                State
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {members.map((member) => (
              <tr key={member.ifaceId}>
                <th scope="row" className="py-2 pr-3 text-left font-mono text-xs font-medium">
                  <Link href={`/network/interfaces/${member.ifaceId}`} className={textLinkClasses}>
                    {member.address ?? `Interface #${member.ifaceId}`}
                  </Link>
                </th>
                <td className="py-2 pr-3">
                  {member.vm ? (
                    <Link href={`/vms/${member.vm.id}`} className={textLinkClasses}>
                      {member.vm.hostname}
                    </Link>
                  ) : (
                    'Not attached'
                  )}
                </td>
                <td className="py-2">
                  <Badge>{formatState(member.state)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DetailCard>
  );
}
