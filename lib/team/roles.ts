import type { ResourceKind, Role } from './db/schema';

/**
 * What a team member may do, by role. Every server action and route handler names the action it
 * performs (`<resource>.<verb>`); anything not named here is refused to team members.
 */

export const ROLES = ['owner', 'admin', 'operator', 'viewer'] as const satisfies readonly Role[];
export type { Role };

const VERBS = {
  vm: [
    'read',
    'create',
    'start',
    'stop',
    'reboot',
    'update',
    'delete',
    'migrate',
    'attach',
    'detach',
    'console',
  ],
  disk: [
    'read',
    'create',
    'update',
    'delete',
    'attach',
    'detach',
    'snapshot',
    'rollback',
    'migrate',
  ],
  iface: ['read', 'create', 'update', 'delete', 'attach', 'detach'],
  ip: ['read', 'create', 'update', 'delete', 'attach', 'detach'],
  vlan: ['read', 'create', 'update', 'delete'],
  // Load balancers (Gandi's Web Accelerator): shared front doors, managed like VLANs. `update`
  // covers backends, vhosts, probe, algorithm and SSL.
  rproxy: ['read', 'create', 'update', 'delete'],
  ssh: ['read', 'create', 'delete'],
  operation: ['read', 'cancel'],
  account: ['read'],
  catalog: ['read'],
  metric: ['read'],
  members: ['read', 'invite', 'update', 'remove'],
  workspace: ['read', 'key.replace'],
  audit: ['read'],
  // VM templates (issue 7): admins manage them, members launch the ones open to their role.
  template: ['read', 'manage', 'launch'],
  // Quotas: admins set them; every member sees their own use (dashboard).
  quota: ['read', 'manage'],
  // Approvals: members ask, owners and admins decide.
  approval: ['read', 'request', 'decide'],
  // Personal access tokens (issue 14): each member creates and revokes their own; admins manage all.
  token: ['read', 'create', 'revoke', 'manage'],
} as const;

type Verbs = typeof VERBS;
export type TeamResource = keyof Verbs;
export type TeamAction = { [R in TeamResource]: `${R}.${Verbs[R][number]}` }[TeamResource];

export const TEAM_ACTIONS: readonly TeamAction[] = (Object.keys(VERBS) as TeamResource[]).flatMap(
  (resource) => VERBS[resource].map((verb) => `${resource}.${verb}` as TeamAction),
);

export function isTeamAction(value: string): value is TeamAction {
  return (TEAM_ACTIONS as readonly string[]).includes(value);
}

/** Reads change nothing and are not written to the audit log. */
export function isMutating(action: TeamAction): boolean {
  return !action.endsWith('.read');
}

/** Resources an operator manages when they created them (Gandi objects have no owner field). */
const OWNABLE: ReadonlySet<string> = new Set<ResourceKind>([
  'vm',
  'disk',
  'iface',
  'ip',
  'operation',
]);
/** What an operator may create (an IP comes with the interface that carries it). */
const OPERATOR_CREATES: ReadonlySet<TeamAction> = new Set<TeamAction>([
  'vm.create',
  'disk.create',
  'iface.create',
  'ip.create',
  'template.launch',
  'approval.request',
]);
/** Portal administration: owners only. */
const OWNER_ONLY: ReadonlySet<TeamAction> = new Set<TeamAction>([
  'members.invite',
  'members.update',
  'members.remove',
  'workspace.key.replace',
]);
/** Reads that are not about Gandi resources. */
const PRIVILEGED_READS: ReadonlySet<TeamAction> = new Set<TeamAction>([
  'audit.read',
  'members.read',
]);

/**
 * A member's own credentials (their access tokens, scoped to them by the handler): every role,
 * a viewer too — a token acts with its member's role, so it never lets anyone do more.
 */
const SELF_SERVICE: ReadonlySet<TeamAction> = new Set<TeamAction>(['token.create', 'token.revoke']);

export function isSelfService(action: TeamAction): boolean {
  return SELF_SERVICE.has(action);
}

/**
 * `allow`: go ahead. `own`: allowed only on resources this member created (the caller checks the
 * ownership table for every resource the action touches). `deny`: refused.
 */
export type Decision = 'allow' | 'own' | 'deny';

export function decide(role: Role, action: TeamAction): Decision {
  if (SELF_SERVICE.has(action)) return 'allow';
  switch (role) {
    case 'owner':
      return 'allow';
    case 'admin':
      return OWNER_ONLY.has(action) ? 'deny' : 'allow';
    case 'operator': {
      if (!isMutating(action)) return PRIVILEGED_READS.has(action) ? 'deny' : 'allow';
      if (OPERATOR_CREATES.has(action)) return 'allow';
      const resource = action.split('.')[0] ?? '';
      return OWNABLE.has(resource) ? 'own' : 'deny';
    }
    case 'viewer':
      return !isMutating(action) && !PRIVILEGED_READS.has(action) ? 'allow' : 'deny';
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles an owner can hand out with an invite (one owner per workspace). */
export const INVITABLE_ROLES = ['admin', 'operator', 'viewer'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  operator: 'Operator',
  viewer: 'Viewer',
};
