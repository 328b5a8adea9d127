import 'server-only';
import { getIronSession, type IronSession, type SessionOptions } from 'iron-session';
import { cookies, headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { SESSION_COOKIE_NAME } from '@/lib/session-cookie';

/** What the encrypted cookie holds. The API key never leaves the server in any other form. */
export interface SessionData {
  apiKey?: string;
  endpointId?: string;
  handle?: string;
  signedInAt?: number;
  /** Absent means personal (every session made before team workspaces existed). */
  mode?: 'personal' | 'team';
  /** Team mode: the server-side member session, checked on every request (removal ends it). */
  memberSessionId?: string;
  /**
   * Personal mode: the server-side session record, checked on every request, so that signing out
   * ends this session on every replica (a copied cookie stops working with it).
   */
  personalSessionId?: string;
}

export { SESSION_COOKIE_NAME };
/** A working day: long enough not to nag, short enough that a forgotten browser forgets the key. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/**
 * Cookie options for one request. `Secure` follows the deployment: forced on/off by COOKIE_SECURE,
 * otherwise set exactly when the request reached us over https (a Secure cookie is dropped by the
 * browser over plain http on a non-loopback host, so NODE_ENV alone is the wrong signal).
 */
export function sessionOptions(config: {
  password: string;
  cookieSecure: 'auto' | 'true' | 'false';
  requestIsHttps: boolean;
}): SessionOptions {
  const secure =
    config.cookieSecure === 'true'
      ? true
      : config.cookieSecure === 'false'
        ? false
        : config.requestIsHttps;
  return {
    cookieName: SESSION_COOKIE_NAME,
    password: config.password,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
  };
}

/** True when the request arrived over https, directly or through a TLS-terminating proxy. */
export function isHttpsRequest(forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/** The session of the current request (server components, actions, route handlers). */
export async function getSession(): Promise<IronSession<SessionData>> {
  // Request data first: it marks the route dynamic before the environment is read, so
  // `next build` never needs the runtime secret.
  const headerList = await headers();
  const cookieStore = await cookies();
  const env = getEnv();
  const options = sessionOptions({
    password: env.sessionPassword,
    cookieSecure: env.cookieSecure,
    requestIsHttps: isHttpsRequest(headerList.get('x-forwarded-proto')),
  });
  return getIronSession<SessionData>(cookieStore, options);
}

/**
 * Makes this browser's session a team member's: the cookie then holds no API key, only the
 * server-side member session (checked on every request, so removing the member ends it).
 */
export async function startTeamSession(memberSessionId: string): Promise<void> {
  const session = await getSession();
  session.apiKey = undefined;
  session.endpointId = undefined;
  session.handle = undefined;
  session.personalSessionId = undefined;
  session.mode = 'team';
  session.memberSessionId = memberSessionId;
  session.signedInAt = Date.now();
  await session.save();
}
