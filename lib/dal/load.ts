import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { GandiError, userMessage } from '@/lib/gandi';
import { handleRevokedKey } from './auth';

export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };

/**
 * Runs an upstream read for a page section and turns failure into a sentence to show in place
 * (`<ErrorPanel>`), so a refused, slow or faulting API never blanks the page. A revoked key ends the
 * session and redirects to sign-in; Next's own redirect/notFound pass through.
 */
export async function load<T>(read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (err) {
    unstable_rethrow(err);
    await handleRevokedKey(err);
    if (err instanceof GandiError) return { ok: false, message: userMessage(err) };
    console.error(
      `[load] unexpected ${err instanceof Error ? `${err.name}: ${err.message}` : typeof err}`,
    );
    return { ok: false, message: 'Something went wrong on our side while loading this.' };
  }
}
