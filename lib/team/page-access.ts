import 'server-only';
import { notFound } from 'next/navigation';
import { requireSession, type VerifiedSession } from '@/lib/dal/auth';
import type { TeamPrincipal } from './principal';
import { decide, type TeamAction } from './roles';

/**
 * For team pages: the signed-in member, when their role allows `permission`; others get the
 * plain 404 page (the page's existence is no secret, but there is nothing for them there).
 */
export async function requireTeamPermission(
  permission: TeamAction,
): Promise<{ session: VerifiedSession; principal: TeamPrincipal }> {
  const session = await requireSession();
  const principal = session.principal;
  if (principal?.kind !== 'team' || decide(principal.role, permission) !== 'allow') notFound();
  return { session, principal };
}
