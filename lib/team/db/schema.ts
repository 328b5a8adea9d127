import type { Generated } from 'kysely';

/**
 * The portal's own tables (team workspaces). Times are ISO-8601 UTC strings (`toISOString()`), which
 * sort correctly as text and read back the same from SQLite and PostgreSQL; ids are random UUIDs.
 */
export interface TeamDatabase {
  workspaces: WorkspaceTable;
  members: MemberTable;
  invites: InviteTable;
  member_sessions: MemberSessionTable;
  resource_owners: ResourceOwnerTable;
  audit: AuditTable;
  access_tokens: AccessTokenTable;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  endpoint_id: string;
  /** The Gandi account handle the key belongs to (a replacement key must belong to it too). */
  handle: string;
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM with the workspace id as AAD. */
  key_blob: string;
  owner_member_id: string;
  created_at: string;
  key_updated_at: string;
  /** Last audit entry, kept beside the chain so that cutting off its tail is detected too. */
  audit_head_seq: number;
  audit_head_hash: string;
  /** Entries up to this seq predate the keyed MAC (migration 0009); 0 for newer workspaces. */
  audit_legacy_until: Generated<number>;
}

export type Role = 'owner' | 'admin' | 'operator' | 'viewer';

export interface MemberTable {
  id: string;
  workspace_id: string;
  email: string;
  password_hash: string;
  role: Role;
  created_at: string;
  removed_at: string | null;
}

export interface InviteTable {
  id: string;
  workspace_id: string;
  /** sha256 of the one-time token: the token itself is shown once and never stored. */
  token_hash: string;
  email: string;
  role: Role;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface MemberSessionTable {
  id: string;
  member_id: string;
  workspace_id: string;
  created_at: string;
  revoked_at: string | null;
}

export type ResourceKind = 'vm' | 'disk' | 'iface' | 'ip' | 'vlan' | 'ssh' | 'operation' | 'rproxy';

export interface ResourceOwnerTable {
  workspace_id: string;
  kind: ResourceKind;
  gandi_id: number;
  member_id: string;
  created_at: string;
}

export interface AuditTable {
  workspace_id: string;
  seq: number;
  ts: string;
  member_id: string | null;
  member_email: string | null;
  ip: string | null;
  action: string;
  /** `kind:id` of the first resource the action touched, for filtering. */
  resource: string | null;
  /** Redacted parameters, JSON. */
  params: string;
  result: string;
  message: string | null;
  /** JSON array of `{ id, type?, step? }`. */
  operations: string;
  prev_hash: string;
  hash: string;
}

/** A member's personal access token for the XML-RPC endpoint (issue 14); the token itself is never stored. */
export interface AccessTokenTable {
  id: string;
  workspace_id: string;
  member_id: string;
  name: string;
  /** sha256 (hex) of the token. */
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Not a table column type; re-exported so callers need not import kysely for it. */
export type { Generated };
