import { decide, ROLE_LABELS, type Role, type TeamAction } from './roles';

/**
 * What the browser shows a member before they click: the roles matrix (`roles.ts`) read for one
 * control. A hint only — every server action still decides for itself (the guard/gate); this just
 * disables what would be refused and says why, instead of letting the click fail.
 */
export type Capability = { allowed: true } | { allowed: false; reason: string };

/** The signed-in member as controls need it; null in a personal session (everything allowed). */
export interface MemberCapabilities {
  role: Role;
  memberId: string;
}

const ALLOWED: Capability = { allowed: true };

export function capability(
  member: MemberCapabilities | null,
  action: TeamAction,
  /** Who created the resource through the portal (operators act only on their own). */
  ownerId?: string | null,
): Capability {
  if (!member) return ALLOWED;
  switch (decide(member.role, action)) {
    case 'allow':
      return ALLOWED;
    case 'own':
      return ownerId === member.memberId
        ? ALLOWED
        : { allowed: false, reason: 'Operators can act only on what they created.' };
    case 'deny':
      return {
        allowed: false,
        reason:
          member.role === 'viewer'
            ? 'Viewers can look but not change anything.'
            : `Your role (${ROLE_LABELS[member.role]}) does not allow this.`,
      };
  }
}
