import 'server-only';
import type { VerifiedSession } from '@/lib/dal/auth';
import { findEndpoint } from '@/lib/endpoints';
import { getTeamStore } from './runtime';

/**
 * A team member's request: the member session must still be live (removal or sign-out revokes it
 * at once), then the workspace's key is decrypted into this request's connection — in server
 * memory only. Returns null for an ended session; storage or key problems are logged (without any
 * secret) and also end up as "not signed in", never as a leak.
 */
export async function resolveTeamSession(memberSessionId: string): Promise<VerifiedSession | null> {
  try {
    const store = await getTeamStore();
    const member = await store.activeSessionMember(memberSessionId);
    if (!member) return null;
    const workspace = await store.getWorkspace(member.workspace_id);
    if (!workspace) return null;
    const endpoint = findEndpoint(workspace.endpoint_id);
    if (!endpoint) return null;
    const apiKey = await store.workspaceApiKey(workspace.id);
    const { gatedConnection } = await import('./gate/gated-connection');
    return {
      // The only connection a member's request gets: every mutator made with it is decided by
      // the gate (`lib/team/gate/`) for this member first.
      conn: gatedConnection(
        { endpoint: endpoint.url, apiKey },
        { workspaceId: workspace.id, memberId: member.id, role: member.role },
      ),
      handle: workspace.handle,
      endpoint: { id: endpoint.id, label: endpoint.label },
      principal: {
        kind: 'team',
        memberId: member.id,
        memberEmail: member.email,
        role: member.role,
        workspaceId: workspace.id,
        workspaceName: workspace.name,
        memberSessionId,
      },
    };
  } catch (err) {
    console.error(
      `[team] cannot resolve a member session: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error'}`,
    );
    return null;
  }
}
