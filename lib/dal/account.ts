import 'server-only';
import { cache } from 'react';
import { accountInfo, ratingList, vmCount, type GandiConnection } from '@/lib/gandi';
import { REFERENCE_TTL_MS, referenceCache } from './reference-cache';
import { burnPerHour } from './runway';
import { VM_STATES } from '@/lib/validation/vm';

export interface AccountSummary {
  handle: string;
  fullname: string | null;
  credits: number;
  /** Credits per hour the account's current resources cost (sum of `hosting.rating.list`). */
  burnPerHour: number;
}

/** Once per request: the dashboard's account card and the shell's runway banner both show it. */
export const getAccountSummary = cache(async (conn: GandiConnection): Promise<AccountSummary> => {
  const [account, rating] = await Promise.all([accountInfo(conn), ratingList(conn)]);
  return {
    handle: account.handle,
    fullname: account.fullname,
    credits: account.credits,
    burnPerHour: burnPerHour(rating),
  };
});

/**
 * The shell's runway banner, on every page: the same figures, kept in the reference cache for
 * `REFERENCE_TTL_MS.runwayBanner` so that a page does not pay two upstream calls (account.info,
 * rating.list) for a banner. The dashboard's account card reads afresh; on a page where both show,
 * a cold cache means one read shared by both (same request).
 */
export const getRunwayFigures = cache((conn: GandiConnection): Promise<AccountSummary> =>
  referenceCache.read(conn, 'account-summary', REFERENCE_TTL_MS.runwayBanner, () =>
    getAccountSummary(conn),
  ),
);

/**
 * The states a dashboard counts, in display order (`hosting.vm.count` per state: no listing):
 * every state the VM list filters by.
 */
export const COUNTED_VM_STATES = VM_STATES;

export interface VmStateCounts {
  total: number;
  byState: { state: string; count: number }[];
  /** VMs in a state not listed above (e.g. being_migrated). */
  other: number;
}

/** One `vm.count` per state plus the total: constant cost whether the account has 2 VMs or 10,000. */
export async function getVmStateCounts(conn: GandiConnection): Promise<VmStateCounts> {
  const [total, ...counts] = await Promise.all([
    vmCount(conn),
    ...COUNTED_VM_STATES.map((state) => vmCount(conn, { state })),
  ]);
  const byState = COUNTED_VM_STATES.map((state, index) => ({ state, count: counts[index] ?? 0 }));
  const counted = byState.reduce((sum, entry) => sum + entry.count, 0);
  return { total, byState, other: Math.max(0, total - counted) };
}
