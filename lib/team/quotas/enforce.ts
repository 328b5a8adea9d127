import 'server-only';
import { ActionError } from '@/lib/action';
import type { PriceTable } from '@/lib/cost/estimate';
import { diskInfo, GandiError, vmInfo, type GandiConnection } from '@/lib/gandi';
import { getTeamStore } from '../runtime';
import type { ResourceRef } from '../permission';
import type { Reservation } from './reservation-store';
import {
  describeViolation,
  EMPTY_USAGE,
  QUOTA_KEYS,
  usageOf,
  violations,
  type OwnedDisk,
  type OwnedVm,
  type QuotaDelta,
  type QuotaLimits,
  type QuotaUsage,
} from './quota-model';
import { getQuotaStore } from './quota-store';

const isGone = (err: unknown) => err instanceof GandiError && err.causeName === 'CAUSE_NOTFOUND';

/**
 * What a member (or, with `memberId` null, every member together) uses now: the live state of the
 * VMs and disks the portal recorded as created by them. Deleted objects are simply gone.
 */
export async function usageFor(
  conn: GandiConnection,
  workspaceId: string,
  memberId: string | null,
  prices: PriceTable | null,
  /** Objects a reservation still counts (created by a call whose operations run). */
  exclude: readonly ResourceRef[] = [],
): Promise<QuotaUsage> {
  const excluded = (kind: string, id: number) =>
    exclude.some((ref) => ref.kind === kind && ref.id === id);
  const team = await getTeamStore();
  const [vmOwners, diskOwners] = await Promise.all([
    team.ownersOf(workspaceId, 'vm'),
    team.ownersOf(workspaceId, 'disk'),
  ]);
  const mine = (owners: Map<number, string>, kind: string) =>
    [...owners]
      .filter(([id, owner]) => (memberId === null || owner === memberId) && !excluded(kind, id))
      .map(([id]) => id);
  const infos = await Promise.all(
    mine(vmOwners, 'vm').map((id) =>
      vmInfo(conn, id).catch((err: unknown) => {
        if (isGone(err)) return null;
        throw err;
      }),
    ),
  );
  const attached = new Set<number>();
  const vms: OwnedVm[] = [];
  for (const vm of infos) {
    if (!vm) continue;
    let ipv4 = 0;
    let ipv6 = 0;
    for (const iface of vm.ifaces) {
      if (iface.type !== 'public') continue;
      for (const ip of iface.ips ?? []) {
        if (ip.version === 4) ipv4 += 1;
        else ipv6 += 1;
      }
    }
    for (const disk of vm.disks) attached.add(disk.id);
    vms.push({
      cores: vm.cores,
      memoryMb: vm.memory,
      state: vm.state,
      diskMb: vm.disks.reduce((sum, disk) => sum + disk.size, 0),
      ipv4,
      ipv6,
    });
  }
  const loose = await Promise.all(
    mine(diskOwners, 'disk')
      .filter((id) => !attached.has(id))
      .map((id) =>
        diskInfo(conn, id).then(
          (disk): OwnedDisk | null => (disk.vmIds.length > 0 ? null : { sizeMb: disk.size }),
          (err: unknown) => {
            if (isGone(err)) return null;
            throw err;
          },
        ),
      ),
  );
  return usageOf(
    vms,
    loose.filter((disk): disk is OwnedDisk => disk !== null),
    prices,
  );
}

export class QuotaExceededError extends ActionError {
  /** `field`: the form field the refusal is shown next to (its own message too). */
  constructor(
    readonly lines: string[],
    field?: string,
  ) {
    super(`Over quota — ${lines.join(' ')}`, field ? { [field]: lines } : undefined);
    this.name = 'QuotaExceededError';
  }
}

export const hasLimits = (limits: QuotaLimits) =>
  Object.values(limits).some((value) => value !== null && value !== undefined);

/** Limits and live usage of a member and of their workspace (usage read only where limited). */
export interface QuotaSnapshot {
  memberId: string;
  memberLimits: QuotaLimits;
  workspaceLimits: QuotaLimits;
  memberUsage: QuotaUsage;
  workspaceUsage: QuotaUsage;
}

/** Null when neither the member nor the workspace has a limit (nothing to count). */
export async function quotaSnapshot(
  conn: GandiConnection,
  workspaceId: string,
  memberId: string,
  prices: PriceTable | null,
  exclude: readonly ResourceRef[] = [],
): Promise<QuotaSnapshot | null> {
  const quotas = await getQuotaStore();
  const [memberLimits, workspaceLimits] = await Promise.all([
    quotas.limits(workspaceId, memberId),
    quotas.limits(workspaceId, null),
  ]);
  if (!hasLimits(memberLimits) && !hasLimits(workspaceLimits)) return null;
  const [memberUsage, workspaceUsage] = await Promise.all([
    hasLimits(memberLimits)
      ? usageFor(conn, workspaceId, memberId, prices, exclude)
      : { ...EMPTY_USAGE },
    hasLimits(workspaceLimits)
      ? usageFor(conn, workspaceId, null, prices, exclude)
      : { ...EMPTY_USAGE },
  ]);
  return { memberId, memberLimits, workspaceLimits, memberUsage, workspaceUsage };
}

function plusPending(usage: QuotaUsage, pending: readonly Reservation[]): QuotaUsage {
  const total = { ...usage };
  for (const reservation of pending) {
    for (const key of QUOTA_KEYS) total[key] += Math.max(0, reservation.delta[key] ?? 0);
  }
  return total;
}

/** The lines `delta` crosses beside live usage and the reservations still pending (pure). */
export function quotaLines(
  snapshot: QuotaSnapshot,
  pending: readonly Reservation[],
  delta: QuotaDelta,
): string[] {
  const mine = pending.filter((reservation) => reservation.memberId === snapshot.memberId);
  return [
    ...violations(snapshot.memberLimits, plusPending(snapshot.memberUsage, mine), delta).map((v) =>
      describeViolation(v, 'your'),
    ),
    ...violations(
      snapshot.workspaceLimits,
      plusPending(snapshot.workspaceUsage, pending),
      delta,
    ).map((v) => describeViolation(v, 'the workspace')),
  ];
}

/**
 * The limits `delta` would cross for a member and for the whole workspace, in words ([] = it
 * fits), beside the reservations still pending. Reads only: deciding without reserving (the
 * approval filing, a preflight); the gated connection reserves (`reserveQuota`).
 */
export async function quotaLinesFor(
  conn: GandiConnection,
  workspaceId: string,
  memberId: string,
  delta: QuotaDelta,
  prices: PriceTable | null,
  pending: readonly Reservation[] = [],
): Promise<string[]> {
  const exclude = pending.flatMap((reservation) => reservation.createdRefs);
  const snapshot = await quotaSnapshot(conn, workspaceId, memberId, prices, exclude);
  return snapshot ? quotaLines(snapshot, pending, delta) : [];
}
