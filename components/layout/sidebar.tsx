'use client';

import { useId, useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { ActivityDrawer } from '@/components/operations/activity-drawer';
import { NavLinks, type NavCount } from './nav-links';

/**
 * The main navigation: a fixed column on a laptop, a "Menu" disclosure on a phone.
 * `footer` holds the account block (handle, sign-out, theme), rendered by the server layout.
 */
export function Sidebar({
  footer,
  counts,
}: {
  footer: ReactNode;
  counts?: Partial<Record<string, NavCount>>;
}) {
  const [open, setOpen] = useState(false);
  const navId = useId();
  return (
    // A banner landmark: the brand, the navigation and the account block all sit in a landmark.
    <header className="border-b border-zinc-200 bg-white lg:sticky lg:top-0 lg:h-dvh lg:border-r lg:border-b-0 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between px-4 py-3 lg:py-5">
        <span className="text-base font-semibold tracking-tight">Gandi Hosting</span>
        <button
          type="button"
          className="rounded-md border border-zinc-300 px-3 py-1 text-sm lg:hidden dark:border-zinc-700"
          aria-expanded={open}
          aria-controls={navId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Close menu' : 'Menu'}
        </button>
      </div>
      <div id={navId} className={cn('flex-col gap-6 px-3 pb-4 lg:flex', open ? 'flex' : 'hidden')}>
        <nav aria-label="Main">
          <NavLinks onNavigate={() => setOpen(false)} counts={counts} />
          <ActivityDrawer />
        </nav>
        <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">{footer}</div>
      </div>
    </header>
  );
}
