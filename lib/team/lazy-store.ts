import 'server-only';
import type { TeamStore } from './store/team-store';

/**
 * The team store, imported on first call: modules reachable from personal pages (the sign-in
 * form's action, the workspace creation form) must not load the storage layer just by existing.
 */
export async function teamStore(): Promise<TeamStore> {
  const { getTeamStore } = await import('./runtime');
  return getTeamStore();
}
