import type { ReactNode } from 'react';
import { cn } from './cn';

/** A titled panel section (dashboard cards, detail blocks). */
export function Card({
  title,
  children,
  className,
  actions,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  actions?: ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className={cn(
        'rounded-lg border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900',
        className,
      )}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
