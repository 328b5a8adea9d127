'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from './button';

export interface ErrorPanelProps {
  title?: string;
  /** A sentence for people (e.g. from `userMessage`). */
  message: string;
  /** The error boundary's reset; without it, "Try again" re-fetches the page from the server. */
  reset?: () => void;
  /** Next's error digest, so a report can be matched with the server log. */
  digest?: string | undefined;
}

/** A clear failure message with a retry, for error.tsx files and for failed data on a page. */
export function ErrorPanel({
  title = 'Something went wrong',
  message,
  reset,
  digest,
}: ErrorPanelProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset?.();
    });
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm">{message}</p>
      {digest ? <p className="mt-1 text-xs opacity-75">Reference: {digest}</p> : null}
      <Button variant="secondary" size="sm" className="mt-3" onClick={retry} disabled={pending}>
        {pending ? 'Retrying…' : 'Try again'}
      </Button>
    </div>
  );
}
