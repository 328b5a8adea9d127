import 'server-only';
import type { VerifiedSession } from '@/lib/dal/auth';
import type { TeamAction } from './roles';

/**
 * For route handlers: null when the session may perform `permission`, else a 403 response.
 * Personal sessions pass without loading anything of the team storage.
 */
export async function teamRouteRefusal(
  session: VerifiedSession,
  permission: TeamAction,
): Promise<Response | null> {
  if (session.principal?.kind !== 'team') return null;
  const { decide } = await import('./roles');
  // Route handlers only read; ownership-scoped verbs are not for them.
  if (decide(session.principal.role, permission) === 'allow') return null;
  return new Response('Your role does not allow this.', { status: 403 });
}
