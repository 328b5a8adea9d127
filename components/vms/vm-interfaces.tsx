import { IpAddress } from '@/components/ui/ip-address';
import { Badge } from '@/components/ui/badge';
import type { Iface } from '@/lib/gandi/types';
import { DetailCard } from './detail-card';
import { formatBandwidth } from './format';

export function VmInterfaces({ ifaces }: { ifaces: Iface[] }) {
  return (
    <DetailCard id="vm-ifaces" title="Network interfaces and IPs">
      {ifaces.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No network interface.</p>
      ) : (
        <ul className="space-y-3">
          {ifaces.map((iface, index) => (
            <li
              key={iface.id}
              className="rounded-md border border-zinc-100 p-3 text-sm dark:border-zinc-800"
            >
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">Interface {iface.num ?? index}</span>
                <Badge tone={iface.type === 'private' ? 'warning' : 'neutral'}>
                  {iface.type === 'private' ? 'Private' : 'Public'}
                </Badge>
                {/* The VLAN's name beside the pill, not in it: a long name wraps there. */}
                {iface.type === 'private' && iface.vlan ? (
                  <span className="min-w-0 break-words">{iface.vlan.name}</span>
                ) : null}
                <span className="text-zinc-600 dark:text-zinc-400">
                  {formatBandwidth(iface.bandwidth)}
                </span>
              </p>
              {iface.ips && iface.ips.length > 0 ? (
                <ul
                  className="mt-2 space-y-1"
                  aria-label={`IP addresses of interface ${iface.num ?? index}`}
                >
                  {iface.ips.map((ip) => (
                    <li key={ip.id} className="flex flex-wrap items-center gap-2">
                      <Badge>IPv{ip.version}</Badge>
                      {ip.ip ? <IpAddress ip={ip.ip} /> : <span className="text-xs">pending</span>}
                      {ip.reverse ? (
                        <span className="text-xs text-zinc-600 dark:text-zinc-400">
                          {ip.reverse}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-zinc-600 dark:text-zinc-400">No IP address.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </DetailCard>
  );
}
