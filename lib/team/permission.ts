import type { ResourceKind } from './db/schema';
import type { TeamAction } from './roles';

export type { TeamAction, ResourceKind };

/** A Gandi object an action touches. */
export interface ResourceRef {
  kind: ResourceKind;
  id: number;
}

/**
 * What a server action declares about itself (third argument of `defineAction`). Type-only, so
 * declaring it costs personal mode nothing.
 */
export interface ActionPermission<I = unknown> {
  /** The action in the roles matrix (`lib/team/roles.ts`). */
  permission: TeamAction;
  /** The objects it acts on, from the parsed input: operators may only touch what they created. */
  resource?: (input: I) => ResourceRef | readonly ResourceRef[] | null | undefined;
  audit?: {
    /** Extra parameter names to redact (passwords, keys and tokens always are). */
    redact?: readonly string[];
  };
}

/** A disk made as a copy reads its source: the source is touched too (create, or its request). */
export function diskCopySource(input: {
  source: string;
  src_disk_id?: number | undefined;
}): ResourceRef | null {
  return input.source === 'disk' && input.src_disk_id !== undefined
    ? { kind: 'disk', id: input.src_disk_id }
    : null;
}
