import { getEnv } from '@/lib/env';
import { WorkspaceCapReached, type TeamStore } from './store/team-store';

type NewWorkspace = Omit<Parameters<TeamStore['createWorkspace']>[0], 'maxForAccount'>;

/**
 * Creates a workspace unless its Gandi account already has the most this portal allows. A key
 * can make a few workspaces, not unlimited ones (squatting under others' emails). The count and
 * the insert happen under one lock in the store, so concurrent creations cannot both pass. The
 * panel's form and the admin command line both create through here.
 */
export async function createWorkspaceWithinCap(
  store: Pick<TeamStore, 'createWorkspace'>,
  input: NewWorkspace,
  cap: number = getEnv().maxWorkspacesPerAccount,
): Promise<Awaited<ReturnType<TeamStore['createWorkspace']>> | { problem: string }> {
  try {
    return await store.createWorkspace({ ...input, maxForAccount: cap });
  } catch (err) {
    if (err instanceof WorkspaceCapReached) return { problem: err.message };
    throw err;
  }
}
