import { DISK_SIZE_GB } from '@/lib/validation/disk';
import { coresProblem, memoryProblem } from '@/lib/validation/vm';
import type { ResourceDelta } from './estimate';

/**
 * What each form's change adds to the account's billed resources, from the form's raw values.
 * Null when a value is not one the form would accept (the estimate then waits instead of pricing
 * 99999999 MB of RAM): the same rules as the fields' own checks.
 */

const MB_PER_GB = 1024;

/** `value` as a number when `problem` finds nothing wrong with it, else null. */
function valid(value: string | number, problem: (n: number) => string | null): number | null {
  const n = typeof value === 'number' ? value : Number(value);
  return value !== '' && Number.isFinite(n) && problem(n) === null ? n : null;
}

const diskGbProblem = (gb: number) =>
  Number.isInteger(gb) && gb >= DISK_SIZE_GB.min && gb <= DISK_SIZE_GB.max ? null : 'out of range';

export type PublicIpMode = 'dual' | 'ipv6';

/** Public addresses a new interface carries: dual stack gets one of each, IPv6-only one v6. */
export function publicIpDelta(mode: PublicIpMode | string | null): ResourceDelta {
  if (mode === 'dual') return { ipv4: 1, ipv6: 1 };
  if (mode === 'ipv6') return { ipv6: 1 };
  return {};
}

/** A new VM: its cores and RAM (billed while running), system disk and public addresses. */
export function vmCreationDelta(input: {
  cores: string | number;
  memoryMb: string | number;
  diskGb: string | number;
  ipMode: PublicIpMode | string;
  /** On a private VLAN only: no public address. */
  privateOnly?: boolean;
}): ResourceDelta | null {
  const cores = valid(input.cores, coresProblem);
  const memoryMb = valid(input.memoryMb, memoryProblem);
  const diskGb = valid(input.diskGb, diskGbProblem);
  if (cores === null || memoryMb === null || diskGb === null) return null;
  return {
    cores,
    memoryMb,
    diskMb: diskGb * MB_PER_GB,
    ...(input.privateOnly ? {} : publicIpDelta(input.ipMode)),
  };
}

/** Cores and RAM of a resize (only billed while the VM runs). */
export function vmResizeDelta(
  current: { cores: number; memory: number },
  next: { cores: string | number; memoryMb: string | number },
): ResourceDelta | null {
  const cores = valid(next.cores, coresProblem);
  const memoryMb = valid(next.memoryMb, memoryProblem);
  if (cores === null || memoryMb === null) return null;
  return { cores: cores - current.cores, memoryMb: memoryMb - current.memory };
}

/** A new disk (or a grown one: `currentMb` is what it has now). */
export function diskSizeDelta(sizeGb: string | number, currentMb = 0): ResourceDelta | null {
  const gb = valid(sizeGb, diskGbProblem);
  if (gb === null) return null;
  return { diskMb: gb * MB_PER_GB - currentMb };
}

/**
 * Snapshot space a profile change reserves: `quota_factor − 1` times the disk for the new profile
 * minus the old one's (an inferred reading of the quota factor).
 */
export function snapshotProfileDelta(
  diskMb: number,
  fromFactor: number | null,
  toFactor: number | null,
): ResourceDelta {
  const reserve = (factor: number | null) =>
    factor === null ? 0 : Math.max(0, Math.round(diskMb * (factor - 1)));
  return { snapshotMb: reserve(toFactor) - reserve(fromFactor) };
}
