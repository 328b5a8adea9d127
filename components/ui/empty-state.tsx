import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClasses } from './button';

/** What to show instead of an empty table: what is missing and the next step. */
export function EmptyState({
  title,
  description,
  action,
  titleAs: Title = 'p',
}: {
  title: string;
  /** `h1` where the empty state is the whole page (a not-found page), so the page has a heading. */
  titleAs?: 'p' | 'h1';
  description?: ReactNode;
  action?: { href: string; label: string };
}) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
      <Title className="text-base font-medium text-zinc-900 dark:text-zinc-100">{title}</Title>
      {description ? (
        <p className="mx-auto mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          {description}
        </p>
      ) : null}
      {action ? (
        <Link href={action.href} className={buttonClasses('primary', 'md', 'mt-4')}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
