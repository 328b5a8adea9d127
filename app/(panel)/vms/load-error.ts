import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { handleRevokedKey } from '@/lib/dal/auth';
import { GandiError, userMessage } from '@/lib/gandi';

/**
 * For a server component that failed to load its data: Next's own control flow is rethrown, a
 * revoked key signs out, and anything else becomes a sentence for the page (never a blank
 * screen; the details stay in the server log, without the key).
 */
export async function loadErrorMessage(err: unknown): Promise<string> {
  unstable_rethrow(err);
  await handleRevokedKey(err);
  if (err instanceof GandiError) return userMessage(err);
  console.error(`[vms] ${err instanceof Error ? err.name : typeof err} while loading`);
  return 'The panel could not load this page. Please try again.';
}

export function isNotFound(err: unknown): boolean {
  return err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND';
}
