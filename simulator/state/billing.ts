import { PRICES } from './catalog';
import type { Sim } from './sim';
import type { AccountRec, DiskRec, Id, IfaceRec, IpRec, VmRec } from './types';

/**
 * Hourly billing (the rating model, reference §5.3): what an account's resources cost per hour,
 * at the prices `hosting.rating.list` and `hosting.catalog.list` show, taken from its credits as
 * simulated time passes (`--speed` 2 spends them twice as fast). The store keeps each record's
 * share of its account's rate up to date; the account is charged for the time elapsed at the old
 * rate whenever the rate changes, and otherwise read as `credits - rate × time since`.
 */

const HOUR_MS = 3_600_000;

/** Credits per hour one record costs: running VMs, every disk, public IPv4 addresses. */
export function recordRate(
  kind: string,
  rec: unknown,
  ifaceOf: (id: Id) => IfaceRec | undefined,
): number {
  if (kind === 'vm') {
    const vm = rec as VmRec;
    return vm.state === 'running' ? vm.cores * PRICES.core + (vm.memory / 1024) * PRICES.ramGb : 0;
  }
  if (kind === 'disk') {
    const disk = rec as DiskRec;
    return (disk.size / 1024) * (disk.type === 'snapshot' ? PRICES.snapshotGb : PRICES.diskGb);
  }
  if (kind === 'ip') {
    const ip = rec as IpRec;
    if (ifaceOf(ip.ifaceId)?.type !== 'public') return 0;
    return ip.version === 4 ? PRICES.ipv4 : PRICES.ipv6;
  }
  return 0;
}

/** The account's credits now, without writing anything (reads must not journal). */
export function creditsNow(sim: Sim, caller: AccountRec): number {
  // The caller's record may predate a charge made during this very call.
  const account = sim.store.get('account', caller.id) ?? caller;
  const since = account.billedAt;
  if (since === undefined) return account.credits;
  const rate = sim.store.rateOf(account.id);
  return Math.max(0, account.credits - spent(sim, rate, sim.billingTime() - since));
}

/** Charges the time elapsed at `rate` (the rate in force until now) and restarts the meter. */
export function settle(sim: Sim, accountId: Id, rate: number): void {
  const account = sim.store.get('account', accountId);
  if (!account) return;
  const at = sim.billingTime();
  if (account.billedAt !== undefined && at <= account.billedAt) return;
  const elapsed = account.billedAt === undefined ? 0 : at - account.billedAt;
  const credits = Math.max(0, account.credits - spent(sim, rate, elapsed));
  sim.store.put('account', { ...account, credits, billedAt: at });
}

function spent(sim: Sim, rate: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (rate * elapsedMs * sim.timing.creditSpeed) / HOUR_MS : 0;
}
