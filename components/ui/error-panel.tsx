'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';
import { Button } from './button';
import { useBackoff } from './use-backoff';

/** First automatic retry after 2 s, then each wait 1.5× longer, up to 30 s. */
export const AUTO_RETRY_MS = { first: 2_000, max: 30_000, factor: 1.5 } as const;

export interface ErrorPanelProps {
  title?: string;
  /** A sentence for people (e.g. from `userMessage`). */
  message: string;
  /** The error boundary's reset; without it, "Try again" re-fetches the page from the server. */
  reset?: () => void;
  /** Next's error digest, so a report can be matched with the server log. */
  digest?: string | undefined;
}

/**
 * A clear failure message with a retry, for error.tsx files and for failed data on a page. It
 * also retries by itself, backing off (paused while the tab is hidden, at once when the browser
 * comes back online), so a page that failed while the upstream was down recovers when it is back.
 */
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
  useBackoff(retry, AUTO_RETRY_MS);
  // Back online: at once rather than at the next scheduled try.
  const retryRef = useRef(retry);
  useEffect(() => {
    retryRef.current = retry;
  });
  useEffect(() => {
    const now = () => retryRef.current();
    window.addEventListener('online', now);
    return () => window.removeEventListener('online', now);
  }, []);

  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm">{message}</p>
      <p className="mt-1 text-xs">This page tries again by itself every few seconds.</p>
      {digest ? <p className="mt-1 text-xs opacity-75">Reference: {digest}</p> : null}
      <Button variant="secondary" size="sm" className="mt-3" onClick={retry} disabled={pending}>
        {pending ? 'Retrying…' : 'Try again'}
      </Button>
    </div>
  );
}
