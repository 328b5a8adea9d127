import 'server-only';
import { getIronSession, type IronSession, type SessionOptions } from 'iron-session';
import { cookies, headers } from 'next/headers';
import { getEnv } from '@/lib/env';
import { httpsByConfiguration, requestIsHttps } from '@/lib/https-request';
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
 * otherwise (auto) set when a trusted proxy (TRUST_PROXY_HOPS > 0) says the request came over
 * https. A client's own X-Forwarded-Proto decides nothing (see `requestIsHttps`).
 */
export function sessionOptions(config: {
  password: string;
  cookieSecure: 'auto' | 'true' | 'false';
  requestIsHttps: boolean;
}): SessionOptions {
  const secure = httpsByConfiguration(config.cookieSecure, config.requestIsHttps);
  return {
    cookieName: SESSION_COOKIE_NAME,
    password: config.password,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
  };
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
    requestIsHttps: requestIsHttps(headerList),
  });
  return getIronSession<SessionData>(cookieStore, options);
}

/**
 * Makes this browser's session a team member's: the cookie then holds no API key, only the
 * server-side member session (checked on every request, so removing the member ends it).
 */
export async function startTeamSession(
  memberSessionId: string,
  workspaceId: string,
): Promise<void> {
  await rememberTeamWorkspace(workspaceId);
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

/**
 * The workspace this browser last entered (its id, not a secret): the team sign-in form starts
 * from it, since a sign-in names its workspace. Outlives sign-out on purpose.
 */
export const TEAM_WORKSPACE_COOKIE = 'gandi_team_workspace';
const WORKSPACE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function rememberTeamWorkspace(workspaceId: string): Promise<void> {
  const headerList = await headers();
  const { cookieOptions } = sessionOptions({
    password: getEnv().sessionPassword,
    cookieSecure: getEnv().cookieSecure,
    requestIsHttps: requestIsHttps(headerList),
  });
  (await cookies()).set(TEAM_WORKSPACE_COOKIE, workspaceId, {
    ...cookieOptions,
    maxAge: 400 * 24 * 60 * 60,
  });
}

export async function rememberedTeamWorkspace(): Promise<string | null> {
  const value = (await cookies()).get(TEAM_WORKSPACE_COOKIE)?.value;
  return value && WORKSPACE_ID.test(value) ? value : null;
}
