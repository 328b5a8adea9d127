'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { capability, type Capability, type MemberCapabilities } from '@/lib/team/capabilities';
import type { TeamAction } from '@/lib/team/roles';

const MemberContext = createContext<MemberCapabilities | null>(null);

/** The signed-in team member's role for the controls below (null: a personal session). */
export function MemberProvider({
  member,
  children,
}: {
  member: MemberCapabilities | null;
  children: ReactNode;
}) {
  return <MemberContext value={member}>{children}</MemberContext>;
}

export function useMember(): MemberCapabilities | null {
  return useContext(MemberContext);
}

/** Whether this member may do `action` (on a resource created by `ownerId`), and if not why. */
export function useCapability(action: TeamAction, ownerId?: string | null): Capability {
  return capability(useMember(), action, ownerId);
}

/** The reason a control is disabled, shown next to it (and tied to it with aria-describedby). */
export function CapabilityNote({ id, reason }: { id: string; reason: string }) {
  return (
    <p id={id} className="text-sm text-zinc-700 dark:text-zinc-300">
      {reason}
    </p>
  );
}
