'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export const NAV_ITEMS = [
  { href: '/', label: 'Dashboard' },
  { href: '/vms', label: 'VMs' },
  { href: '/disks', label: 'Disks' },
  { href: '/network', label: 'Network' },
  { href: '/load-balancers', label: 'Load balancers' },
  { href: '/ssh-keys', label: 'SSH keys' },
  { href: '/datacenters', label: 'Datacenters' },
  { href: '/images', label: 'Images' },
  { href: '/operations', label: 'Operations' },
  { href: '/team', label: 'Team' },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** A count shown after a link's label, with what it counts for screen readers. */
export interface NavCount {
  count: number;
  label: string;
}

export function NavLinks({
  onNavigate,
  counts = {},
}: {
  onNavigate?: () => void;
  /** By link href, e.g. pending approvals on `/team`. */
  counts?: Partial<Record<string, NavCount>>;
}) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {NAV_ITEMS.map((item) => {
        const active = isActive(pathname, item.href);
        const count = counts[item.href];
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center rounded-md px-3 py-2 text-sm font-medium',
                active
                  ? 'bg-teal-50 text-teal-900 dark:bg-teal-950 dark:text-teal-200'
                  : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
              )}
            >
              {item.label}
              {count && count.count > 0 ? (
                <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 tabular-nums dark:bg-amber-900 dark:text-amber-50">
                  {count.count}
                  <span className="sr-only"> {count.label}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
