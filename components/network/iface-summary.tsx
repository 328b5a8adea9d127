import { IpAddress } from '@/components/ui/ip-address';
import { textLinkClasses } from '@/components/ui/text-link';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DefinitionList, DetailCard } from '@/components/vms/detail-card';
import { formatBandwidth, formatState } from '@/components/vms/format';
import type { Iface } from '@/lib/gandi/types';

/** What an interface is: type, VLAN, state, bandwidth, VM and its addresses. */
export function IfaceSummary({
  iface,
  datacenter,
  vm,
}: {
  iface: Iface;
  datacenter: string;
  vm: { id: number; hostname: string; state: string } | null;
}) {
  const ips = iface.ips ?? [];
  return (
    <DetailCard id="iface-summary" title="Interface">
      <DefinitionList
        items={[
          [
            'Network',
            iface.type === 'private' ? (
              <>
                Private
                {iface.vlan ? (
                  <>
                    {' — VLAN '}
                    <Link href={`/network/vlans/${iface.vlan.id}`} className={textLinkClasses}>
                      {iface.vlan.name}
                    </Link>
                  </>
                ) : null}
              </>
            ) : (
              'Public'
            ),
          ],
          ['State', <Badge key="state">{formatState(iface.state)}</Badge>],
          ['Bandwidth', formatBandwidth(iface.bandwidth)],
          ['Datacenter', datacenter],
          [
            'VM',
            vm ? (
              <Link href={`/vms/${vm.id}`} className={textLinkClasses}>
                {vm.hostname}
              </Link>
            ) : (
              'Not attached'
            ),
          ],
          [
            'Addresses',
            ips.length === 0 ? (
              'None'
            ) : (
              <ul className="space-y-1" aria-label="Addresses of this interface">
                {ips.map((ip) => (
                  <li key={ip.id} className="flex flex-wrap items-center gap-2">
                    <Badge>IPv{ip.version}</Badge>
                    {ip.ip ? (
                      <IpAddress ip={ip.ip} />
                    ) : (
                      <span className="text-xs">being created…</span>
                    )}
                    {ip.reverse ? (
                      <span className="text-xs text-zinc-600 dark:text-zinc-400">{ip.reverse}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
    </DetailCard>
  );
}
