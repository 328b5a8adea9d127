import { getEnv } from '@/lib/env';
import type { TeamStore } from './store/team-store';

/**
 * Why this Gandi account may not have one more workspace, or null. A key can make a few
 * workspaces, not unlimited ones (squatting under others' emails): the panel's form and the admin
 * command line both ask here.
 */
export async function workspaceCapProblem(
  store: Pick<TeamStore, 'countWorkspacesOfAccount'>,
  endpointId: string,
  handle: string,
): Promise<string | null> {
  const cap = getEnv().maxWorkspacesPerAccount;
  if ((await store.countWorkspacesOfAccount(endpointId, handle)) < cap) return null;
  return `This Gandi account already has ${cap} workspace${cap === 1 ? '' : 's'}: the most this portal allows.`;
}
