import 'server-only';
import { ActionError, type ActionContext } from '@/lib/action';
import { getPricing } from '@/lib/cost/pricing';
import type { PriceTable } from '@/lib/cost/estimate';
import { diskInfo, GandiError, rproxyInfo, vmInfo, type GandiConnection } from '@/lib/gandi';
import type { TeamPrincipal } from '../principal';
import { getTeamStore } from '../runtime';
import {
  describeViolation,
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
): Promise<QuotaUsage> {
  const team = await getTeamStore();
  const [vmOwners, diskOwners, rproxyOwners] = await Promise.all([
    team.ownersOf(workspaceId, 'vm'),
    team.ownersOf(workspaceId, 'disk'),
    team.ownersOf(workspaceId, 'rproxy'),
  ]);
  const mine = (owners: Map<number, string>) =>
    [...owners].filter(([, owner]) => memberId === null || owner === memberId).map(([id]) => id);
  const infos = await Promise.all(
    mine(vmOwners).map((id) =>
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
    mine(diskOwners)
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
  // Load balancers count while they exist and are not being deleted.
  const rproxies = await Promise.all(
    mine(rproxyOwners).map((id) =>
      rproxyInfo(conn, id).then(
        (rp) => rp.state !== 'deleting',
        (err: unknown) => {
          if (isGone(err)) return false;
          throw err;
        },
      ),
    ),
  );
  return {
    ...usageOf(
      vms,
      loose.filter((disk): disk is OwnedDisk => disk !== null),
      prices,
    ),
    rproxies: rproxies.filter(Boolean).length,
  };
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

const hasLimits = (limits: QuotaLimits) =>
  Object.values(limits).some((value) => value !== null && value !== undefined);

/**
 * Refuses a change that would cross the member's or the workspace's quota — before the change's
 * own API call (only reads happen here). Personal sessions have no quotas.
 */
export async function enforceQuota(
  ctx: ActionContext,
  principal: TeamPrincipal,
  deltaOf: (prices: PriceTable | null) => QuotaDelta | Promise<QuotaDelta>,
  field?: string,
): Promise<void> {
  const quotas = await getQuotaStore();
  const [memberLimits, workspaceLimits] = await Promise.all([
    quotas.limits(principal.workspaceId, principal.memberId),
    quotas.limits(principal.workspaceId, null),
  ]);
  if (!hasLimits(memberLimits) && !hasLimits(workspaceLimits)) return;
  const pricing = await getPricing(ctx.conn);
  const prices = pricing.status === 'known' ? pricing.prices : null;
  const delta = await deltaOf(prices);
  const lines: string[] = [];
  if (hasLimits(memberLimits)) {
    const usage = await usageFor(ctx.conn, principal.workspaceId, principal.memberId, prices);
    lines.push(...violations(memberLimits, usage, delta).map((v) => describeViolation(v, 'your')));
  }
  if (hasLimits(workspaceLimits)) {
    const usage = await usageFor(ctx.conn, principal.workspaceId, null, prices);
    lines.push(
      ...violations(workspaceLimits, usage, delta).map((v) =>
        describeViolation(v, 'the workspace'),
      ),
    );
  }
  if (lines.length > 0) throw new QuotaExceededError(lines, field);
}
