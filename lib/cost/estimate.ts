import type { PriceLine } from '@/lib/gandi/types';

/**
 * Cost arithmetic from the endpoint's price table (`hosting.catalog.list`): pure, so the browser
 * recomputes it on every keystroke. Every figure is an estimate — Gandi bills what `rating.list`
 * says, rounded per resource.
 */

/** Credits per hour for one unit of each billed resource. */
export interface PriceTable {
  core: number;
  ramGb: number;
  diskGb: number;
  snapshotGb: number;
  ipv4: number;
  ipv6: number;
}

/** What a change adds (positive) or removes (negative). Memory and disks in MB, as the API counts. */
export interface ResourceDelta {
  cores?: number;
  memoryMb?: number;
  diskMb?: number;
  snapshotMb?: number;
  ipv4?: number;
  ipv6?: number;
}

const MB_PER_GB = 1024;

function priceOf(lines: readonly PriceLine[], resource: string, flavour?: string): number | null {
  const matches = lines.filter(
    (line) =>
      line.resource === resource && (flavour === undefined || (line.flavour ?? '') === flavour),
  );
  const preferred =
    matches.find((line) => line.flavour === null || line.flavour === 'default') ?? matches[0];
  return preferred ? preferred.creditsPerHour : null;
}

/**
 * The table the estimate needs, or null when the endpoint's list lacks a price for a billed
 * resource: a missing price is unknown, never zero. IPv6 is free unless priced.
 */
export function priceTableFromCatalog(lines: readonly PriceLine[]): PriceTable | null {
  const core = priceOf(lines, 'cpu');
  const ramGb = priceOf(lines, 'ram');
  const diskGb = priceOf(lines, 'disk_data');
  const ipv4 = priceOf(lines, 'ip', 'v4_public');
  if (core === null || ramGb === null || diskGb === null || ipv4 === null) return null;
  return {
    core,
    ramGb,
    diskGb,
    snapshotGb: priceOf(lines, 'disk_snapshot') ?? diskGb,
    ipv4,
    ipv6: priceOf(lines, 'ip', 'v6') ?? 0,
  };
}

/** Credits per hour of a delta (negative when it frees resources). */
export function creditsPerHourOf(prices: PriceTable, delta: ResourceDelta): number {
  return (
    (delta.cores ?? 0) * prices.core +
    ((delta.memoryMb ?? 0) / MB_PER_GB) * prices.ramGb +
    ((delta.diskMb ?? 0) / MB_PER_GB) * prices.diskGb +
    ((delta.snapshotMb ?? 0) / MB_PER_GB) * prices.snapshotGb +
    (delta.ipv4 ?? 0) * prices.ipv4 +
    (delta.ipv6 ?? 0) * prices.ipv6
  );
}

export interface CostInputs {
  prices: PriceTable;
  /** The account's current burn (sum of `hosting.rating.list`), when known. */
  burnPerHour: number | null;
  /** `hosting.account.info` credits, when known. */
  credits: number | null;
}

export interface CostEstimate {
  /** Credits per hour the change adds (negative: removes). */
  deltaPerHour: number;
  /** The account's burn after the change; null when the current burn is unknown. */
  newBurnPerHour: number | null;
  /** Whole hours the credits last at the new burn; null when unknown or nothing burns. */
  runwayHours: number | null;
}

export function estimateCost(inputs: CostInputs, delta: ResourceDelta): CostEstimate {
  const deltaPerHour = creditsPerHourOf(inputs.prices, delta);
  const newBurnPerHour =
    inputs.burnPerHour === null ? null : Math.max(0, inputs.burnPerHour + deltaPerHour);
  const runwayHours =
    newBurnPerHour === null || inputs.credits === null || !(newBurnPerHour > 0)
      ? null
      : Math.max(0, Math.floor(inputs.credits / newBurnPerHour));
  return { deltaPerHour, newBurnPerHour, runwayHours };
}

/** Runway in whole days (for the shell's low-runway warning). */
export function runwayDays(credits: number, burnPerHour: number): number | null {
  if (!(burnPerHour > 0)) return null;
  return Math.max(0, credits / burnPerHour / 24);
}

/**
 * Extra snapshot space a snapshot profile reserves for a disk: `quota_factor` times the disk, minus
 * the disk itself (an inferred reading of the profile's quota factor).
 */
export function snapshotReserveMb(diskMb: number, quotaFactor: number): number {
  return Math.max(0, Math.round(diskMb * (quotaFactor - 1)));
}
