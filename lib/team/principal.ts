import type { Role } from './db/schema';

/**
 * Who is acting. Type-only on purpose: lib/dal/auth.ts and lib/action.ts import it without
 * loading anything of the team storage (personal mode never touches the database).
 */
export type Principal =
  | { kind: 'personal' }
  | {
      kind: 'team';
      memberId: string;
      memberEmail: string;
      role: Role;
      workspaceId: string;
      workspaceName: string;
      memberSessionId: string;
    };

export type TeamPrincipal = Extract<Principal, { kind: 'team' }>;
