'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** First re-read after 2 s, then each wait 1.5× longer, up to 15 s (a copy can take hours). */
export const POLL_MS = { first: 2_000, max: 15_000, factor: 1.5 } as const;

/**
 * Re-renders the page from the server while a migration moves between inner steps: the live
 * operation stream says the step (RUN) but not `params.inner_step`, which only the page's
 * `operation.list` read sees. Pauses while the tab is hidden. Remount (a new `key`) to restart
 * the back-off when the phase changes.
 */
export function MigrationPoller() {
  const router = useRouter();
  useEffect(() => {
    let delay: number = POLL_MS.first;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      timer = setTimeout(() => {
        if (document.visibilityState === 'visible') router.refresh();
        delay = Math.min(POLL_MS.max, delay * POLL_MS.factor);
        schedule();
      }, delay);
    };
    schedule();
    return () => {
      if (timer) clearTimeout(timer);
    };
  }, [router]);
  return null;
}
