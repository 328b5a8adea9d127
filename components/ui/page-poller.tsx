'use client';

import { useRouter } from 'next/navigation';
import { useBackoff } from './use-backoff';

/** First re-read after 2 s, then each wait 1.5× longer, up to 15 s (a copy can take hours). */
export const POLL_MS = { first: 2_000, max: 15_000, factor: 1.5 } as const;

/**
 * Re-renders the page from the server, backing off, while it shows something only a server read
 * sees change: a migration's inner step (the live stream says RUN, not `params.inner_step`), an
 * approved request whose later steps the portal runs after its response. Pauses while the tab is
 * hidden. Remount (a new `key`) to restart the back-off.
 */
export function PagePoller() {
  const router = useRouter();
  useBackoff(() => router.refresh(), POLL_MS);
  return null;
}
