import type { PriceTable } from '@/lib/cost/estimate';
import { creditsPerHourOf } from '@/lib/cost/estimate';
import { formatSize } from '@/lib/format-size';

/**
 * Quota accounting (pure): what a member or the workspace uses, what a change would add, and
 * which limits it would cross. Usage is recomputed from the live resources the portal records as
 * theirs, so a deleted VM frees its share as soon as it is gone and a resize counts only its
 * difference.
 */

export const QUOTA_KEYS = [
  'vms',
  'cores',
  'memoryMb',
  'diskMb',
  'ipv4',
  'creditsPerHour',
  'rproxies',
] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];

/** A limit per key; null or absent = no limit. */
export type QuotaLimits = Partial<Record<QuotaKey, number | null>>;
export type QuotaUsage = Record<QuotaKey, number>;

export const QUOTA_LABELS: Record<QuotaKey, string> = {
  vms: 'VMs',
  cores: 'Cores',
  memoryMb: 'Memory',
  diskMb: 'Disk',
  ipv4: 'IPv4 addresses',
  creditsPerHour: 'Credits per hour',
  rproxies: 'Load balancers',
};

/**
 * How the quota form asks for each limit: memory in MB (the unit VMs are sized in), disk in GB
 * (the unit disks are sized in); both are stored in MB.
 */
export const QUOTA_INPUTS: Record<QuotaKey, { label: string; mbPerUnit?: number }> = {
  vms: { label: 'VMs' },
  cores: { label: 'Cores' },
  memoryMb: { label: 'Memory (MB)' },
  diskMb: { label: 'Disk (GB)', mbPerUnit: 1024 },
  ipv4: { label: 'IPv4 addresses' },
  creditsPerHour: { label: 'Credits per hour' },
  rproxies: { label: 'Load balancers' },
};

const count = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A used, limit or requested amount in the unit people read it in ("1 GB", "3"). */
export function formatQuotaValue(key: QuotaKey, value: number): string {
  return key === 'memoryMb' || key === 'diskMb' ? formatSize(value) : count.format(value);
}

export const EMPTY_USAGE: QuotaUsage = {
  vms: 0,
  cores: 0,
  memoryMb: 0,
  diskMb: 0,
  ipv4: 0,
  creditsPerHour: 0,
  rproxies: 0,
};

/** What the portal knows of one owned VM (live from the API). */
export interface OwnedVm {
  cores: number;
  memoryMb: number;
  state: string;
  /** System and data disks attached to it. */
  diskMb: number;
  ipv4: number;
  ipv6: number;
}

/** Owned disks not attached to an owned VM. */
export interface OwnedDisk {
  sizeMb: number;
}

/** VMs on their way out no longer count. */
const GONE_STATES = new Set(['deleted', 'being_deleted']);

export function usageOf(
  vms: readonly OwnedVm[],
  disks: readonly OwnedDisk[],
  prices: PriceTable | null,
): QuotaUsage {
  const usage = { ...EMPTY_USAGE };
  for (const vm of vms) {
    if (GONE_STATES.has(vm.state)) continue;
    usage.vms += 1;
    usage.cores += vm.cores;
    usage.memoryMb += vm.memoryMb;
    usage.diskMb += vm.diskMb;
    usage.ipv4 += vm.ipv4;
    if (prices) {
      // Cores and RAM burn only while running (as Gandi rates them); disks and IPv4 always.
      const running = vm.state === 'running';
      usage.creditsPerHour += creditsPerHourOf(prices, {
        ...(running ? { cores: vm.cores, memoryMb: vm.memoryMb } : {}),
        diskMb: vm.diskMb,
        ipv4: vm.ipv4,
        ipv6: vm.ipv6,
      });
    }
  }
  for (const disk of disks) {
    usage.diskMb += disk.sizeMb;
    if (prices) usage.creditsPerHour += creditsPerHourOf(prices, { diskMb: disk.sizeMb });
  }
  return usage;
}

/** A change in quota terms: a creation adds a VM, a resize only its differences. */
export type QuotaDelta = Partial<QuotaUsage>;

export interface QuotaViolation {
  key: QuotaKey;
  limit: number;
  used: number;
  requested: number;
}

/** The limits `delta` would cross (an increase only: shrinking is always allowed). */
export function violations(
  limits: QuotaLimits,
  usage: QuotaUsage,
  delta: QuotaDelta,
): QuotaViolation[] {
  const crossed: QuotaViolation[] = [];
  for (const key of QUOTA_KEYS) {
    const limit = limits[key];
    const requested = delta[key] ?? 0;
    if (limit === null || limit === undefined || requested <= 0) continue;
    if (usage[key] + requested > limit) crossed.push({ key, limit, used: usage[key], requested });
  }
  return crossed;
}

export function left(limits: QuotaLimits, usage: QuotaUsage): Partial<Record<QuotaKey, number>> {
  const result: Partial<Record<QuotaKey, number>> = {};
  for (const key of QUOTA_KEYS) {
    const limit = limits[key];
    if (limit !== null && limit !== undefined) result[key] = Math.max(0, limit - usage[key]);
  }
  return result;
}

export function describeViolation(v: QuotaViolation, scope: 'your' | 'the workspace'): string {
  const show = (value: number) => formatQuotaValue(v.key, value);
  return `${QUOTA_LABELS[v.key]}: ${scope} quota is ${show(v.limit)}, ${show(v.used)} used, this asks for ${show(v.requested)} more.`;
}

/** The quota delta of a new VM. */
export function creationDelta(
  spec: { cores: number; memoryMb: number; diskMb: number; ipv4: number; ipv6: number },
  prices: PriceTable | null,
): QuotaDelta {
  return {
    vms: 1,
    cores: spec.cores,
    memoryMb: spec.memoryMb,
    diskMb: spec.diskMb,
    ipv4: spec.ipv4,
    ...(prices ? { creditsPerHour: creditsPerHourOf(prices, spec) } : {}),
  };
}

/** The quota delta of a resize (running VMs' cores and RAM also change the burn). */
export function resizeDelta(
  vm: { cores: number; memoryMb: number; state: string },
  next: { cores: number; memoryMb: number },
  prices: PriceTable | null,
): QuotaDelta {
  const cores = next.cores - vm.cores;
  const memoryMb = next.memoryMb - vm.memoryMb;
  return {
    cores,
    memoryMb,
    ...(prices && vm.state === 'running'
      ? { creditsPerHour: creditsPerHourOf(prices, { cores, memoryMb }) }
      : {}),
  };
}

/**
 * The quota delta of a new disk (empty, a copy, or a snapshot): its whole size. It is counted as
 * `usageOf` will count it once it exists — a loose disk at the disk price — so the check and the
 * dashboard agree.
 */
export function newDiskDelta(sizeMb: number, prices: PriceTable | null): QuotaDelta {
  return {
    diskMb: sizeMb,
    ...(prices ? { creditsPerHour: creditsPerHourOf(prices, { diskMb: sizeMb }) } : {}),
  };
}

/** The quota delta of a disk resize: only the growth (a disk never shrinks). */
export function diskGrowDelta(
  currentMb: number,
  nextMb: number,
  prices: PriceTable | null,
): QuotaDelta {
  const diskMb = Math.max(0, nextMb - currentMb);
  return {
    diskMb,
    ...(prices ? { creditsPerHour: creditsPerHourOf(prices, { diskMb }) } : {}),
  };
}

/** The quota delta of a new public interface: an IPv4 address only in dual mode. */
export function publicIpDelta(ipMode: 'dual' | 'ipv6', prices: PriceTable | null): QuotaDelta {
  const ips = ipMode === 'dual' ? { ipv4: 1, ipv6: 1 } : { ipv4: 0, ipv6: 1 };
  return {
    ipv4: ips.ipv4,
    ...(prices ? { creditsPerHour: creditsPerHourOf(prices, ips) } : {}),
  };
}
