import 'server-only';
import { cache } from 'react';
import { redirect, unstable_rethrow } from 'next/navigation';
import { GandiError, type GandiConnection } from '@/lib/gandi';
import { findEndpoint, type EndpointId } from '@/lib/endpoints';
import { getSession } from '@/lib/session';
import type { Principal } from '@/lib/team/principal';

export type { Principal };

export interface VerifiedSession {
  /** Server-side only: carries the key. Never pass it (or anything holding it) to a client component. */
  conn: GandiConnection;
  handle: string;
  endpoint: { id: EndpointId; label: string };
  /**
   * Who acts: a personal API-key session, or a member of a team workspace (then `conn` carries the
   * workspace's key, decrypted for this request). Absent is read as personal.
   */
  principal?: Principal;
}

/** Fault code of `hosting.account.info` / any call when the key is unknown or revoked. */
export const REVOKED_KEY_FAULT = 510150;

/** Where a server component sends the user when it finds the key revoked (it cannot clear cookies itself). */
export const REVOKED_SIGN_OUT_PATH = '/api/session/revoked';

/**
 * The signed-in user of this request, or null. Cached per request, so a page and its components
 * decrypt the cookie once. Checks the session's shape, not the key (that costs an upstream call;
 * a revoked key surfaces as fault 510150 on the next call, see `handleRevokedKey`).
 */
export const verifySession = cache(async (): Promise<VerifiedSession | null> => {
  const session = await getSession();
  // Every replica that serves anything also runs durable jobs (one started elsewhere included).
  void import('@/lib/jobs/runtime').then(({ ensureJobRunner }) => ensureJobRunner());
  if (session.mode === 'team') {
    if (!session.memberSessionId) return null;
    // Loaded only here: personal mode never loads the team storage or a database driver.
    const { resolveTeamSession } = await import('@/lib/team/session-resolve');
    return resolveTeamSession(session.memberSessionId);
  }
  const { apiKey, endpointId, handle, personalSessionId } = session;
  // A cookie without a server-side record (made before records existed, or forged) is signed out.
  if (!apiKey || !endpointId || !handle || !personalSessionId) return null;
  const endpoint = findEndpoint(endpointId);
  // An endpoint removed from the configuration since sign-in invalidates the session.
  if (!endpoint) return null;
  if (!(await personalSessionLive(personalSessionId, { endpointId, handle }))) return null;
  return {
    conn: { endpoint: endpoint.url, apiKey },
    handle,
    endpoint: { id: endpoint.id, label: endpoint.label },
    principal: { kind: 'personal' },
  };
});

/** Storage trouble reads as "signed out" (logged without any secret), never as signed in. */
async function personalSessionLive(
  id: string,
  account: { endpointId: string; handle: string },
): Promise<boolean> {
  try {
    const { personalSessions } = await import('@/lib/shared-state/runtime');
    return await (await personalSessions()).isLive(id, account);
  } catch (err) {
    console.error(
      `[session] cannot check a personal session: ${err instanceof Error ? err.name : 'unknown error'}`,
    );
    return false;
  }
}

/** Like `verifySession`, but sends an anonymous visitor to the sign-in page. */
export async function requireSession(): Promise<VerifiedSession> {
  const session = await verifySession();
  if (!session) redirect('/login');
  return session;
}

export function isRevokedKeyError(err: unknown): err is GandiError {
  return err instanceof GandiError && err.kind === 'fault' && err.faultCode === REVOKED_KEY_FAULT;
}

/**
 * Call in a catch block: when `err` says the key was revoked, ends the session and redirects to
 * sign-in with an explanation (never returns). Any other error returns, for the caller to handle.
 * In a server action or route handler the cookie is cleared here; a server component cannot set
 * cookies, so it goes through a route handler that does.
 */
export async function handleRevokedKey(err: unknown): Promise<void> {
  if (!isRevokedKeyError(err)) return;
  let cleared = false;
  try {
    const session = await getSession();
    session.destroy();
    cleared = true;
  } catch (cookieErr) {
    unstable_rethrow(cookieErr);
  }
  redirect(cleared ? '/login?reason=revoked' : REVOKED_SIGN_OUT_PATH);
}
