import type { RatingLine } from '@/lib/gandi/types';

/** Credits burnt per hour: the sum of every rating line (what gandi.cli shows as "usage"). */
export function burnPerHour(lines: readonly RatingLine[]): number {
  return lines.reduce((sum, line) => sum + line.creditsPerHour, 0);
}

export interface Runway {
  hours: number;
  days: number;
  remainderHours: number;
}

/** How long the credits last at this burn rate; null when nothing burns (the runway is unbounded). */
export function runway(credits: number, perHour: number): Runway | null {
  if (!(perHour > 0)) return null;
  const hours = Math.max(0, Math.floor(credits / perHour));
  return { hours, days: Math.floor(hours / 24), remainderHours: hours % 24 };
}

/** "12 days 5 hours", "3 hours", "less than an hour", or "—" when nothing burns. */
export function formatRunway(value: Runway | null): string {
  if (!value) return '—';
  if (value.hours === 0) return 'less than an hour';
  const parts: string[] = [];
  if (value.days > 0) parts.push(`${value.days} day${value.days === 1 ? '' : 's'}`);
  if (value.remainderHours > 0)
    parts.push(`${value.remainderHours} hour${value.remainderHours === 1 ? '' : 's'}`);
  return parts.join(' ');
}
