import type { Datacenter, Disk, Iface, Image, VmInfo } from '@/lib/gandi/types';
import type { PriceTable } from '@/lib/cost/estimate';
import type { ApprovalPolicy } from '../approvals/policy';
import type { Role } from '../db/schema';
import type { ResourceRef } from '../permission';
import type { QuotaDelta } from '../quotas/quota-model';
import type { TeamAction } from '../roles';

/** One upstream mutation as the client sends it: the XML-RPC method and its arguments. */
export interface GateCall {
  method: string;
  args: readonly unknown[];
}

/** Who causes the call (for an approved request: its requester). */
export interface GateMember {
  workspaceId: string;
  memberId: string;
  role: Role;
}

export const REFUSAL_KINDS = ['permission', 'ownership', 'quota', 'catalogue', 'invalid'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** The gate's answer for one call. */
export type GateDecision =
  | {
      verdict: 'run';
      permission: TeamAction;
      delta: QuotaDelta;
      touches: ResourceRef[];
      /** The form field a quota refusal of this call is shown next to. */
      quotaField?: string;
    }
  | {
      verdict: 'hold';
      permission: TeamAction;
      /** The policy's reason, and the quota lines it would also cross. */
      reason: string;
      delta: QuotaDelta;
      touches: ResourceRef[];
    }
  | {
      verdict: 'refuse';
      kind: RefusalKind;
      reason: string;
      permission: TeamAction | null;
      /** Quota refusals: the lines crossed (an approval can still be asked for). */
      quotaLines?: string[];
      /** The form field the refusal concerns, when one does. */
      field?: string;
    };

/** The reads a decision needs (memoised per decision; null = does not exist). */
export interface GateReads {
  datacenters(): Promise<Datacenter[]>;
  images(datacenterId: number): Promise<Image[]>;
  disk(id: number): Promise<Disk | null>;
  vm(id: number): Promise<VmInfo | null>;
  iface(id: number): Promise<Iface | null>;
  sshKeyIds(): Promise<Set<number>>;
  prices(): Promise<PriceTable | null>;
}

/** What the gate asks the portal's storage. */
export interface GateDeps {
  reads: GateReads;
  /** True when `member` created every one of `refs` through the portal. */
  owns(member: GateMember, refs: readonly ResourceRef[]): Promise<boolean>;
  policy(workspaceId: string): Promise<ApprovalPolicy>;
  /**
   * The lines (in words) `delta` would cross for this member or the workspace beside what is
   * reserved; [] = fits. Deciding only (nothing reserved).
   */
  quotaLines(member: GateMember, delta: QuotaDelta): Promise<string[]>;
  /**
   * Checks and reserves `delta` atomically (id null: no limit applies, nothing reserved). With
   * `enforce` false (an approved request) it reserves without refusing.
   */
  reserve(
    member: GateMember,
    delta: QuotaDelta,
    options: { enforce: boolean },
  ): Promise<{ ok: true; id: string | null } | { ok: false; lines: string[] }>;
  /** The call answered: the reservation follows its operations until they end. */
  answered(reservationId: string, result: unknown, creates: boolean): Promise<void>;
  /**
   * What the member's call started and created is theirs (`resource_owners`), whichever path
   * made it.
   */
  recordCreated(member: GateMember, result: unknown, creates: boolean): Promise<void>;
  /** The upstream refused the call (or it failed): nothing to count. */
  release(reservationId: string): Promise<void>;
}
