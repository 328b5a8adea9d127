import 'server-only';
import type { ResourceKind } from './db/schema';
import type { Principal } from './principal';

/**
 * Who created each `kind` resource through the portal, for the controls of an operator (who may
 * act only on their own). Null for everyone else — personal sessions never load the team storage,
 * and for other roles ownership does not change what the controls offer.
 */
export async function ownersForControls(
  principal: Principal | undefined,
  kind: ResourceKind,
): Promise<ReadonlyMap<number, string> | null> {
  if (principal?.kind !== 'team' || principal.role !== 'operator') return null;
  const { getTeamStore } = await import('./runtime');
  const store = await getTeamStore();
  return store.ownersOf(principal.workspaceId, kind);
}
