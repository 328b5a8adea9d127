/**
 * The arithmetic of the hand-written SVG charts: byte units, the y axis' round ticks, the time
 * axis' labels and the line paths. Pure functions, so scaling and unit formatting are unit-tested.
 *
 * Units are decimal (1 kB = 1000 B), as network and disk throughput are usually quoted.
 */

export const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;
export type ByteUnit = (typeof BYTE_UNITS)[number];

export interface UnitChoice {
  unit: ByteUnit;
  divisor: number;
}

/** The largest unit in which `bytes` is still at least 1 (B for anything below 1 kB). */
export function pickByteUnit(bytes: number): UnitChoice {
  const magnitude = Math.abs(bytes);
  let index = 0;
  while (index < BYTE_UNITS.length - 1 && magnitude >= 1000 ** (index + 1)) index += 1;
  return { unit: BYTE_UNITS[index] ?? 'B', divisor: 1000 ** index };
}

/** 3 significant figures at most, no trailing zeros: 1.5, 12.3, 999, 0.25. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const decimals = abs >= 100 || abs === 0 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(decimals)));
}

/** "1.5 MB". With `unit` given, in that unit (axis labels share one unit). */
export function formatBytes(bytes: number, unit?: UnitChoice): string {
  const choice = unit ?? pickByteUnit(bytes);
  return `${formatNumber(bytes / choice.divisor)} ${choice.unit}`;
}

/** Average throughput over an interval: "4.2 kB/s". */
export function formatRate(bytes: number, seconds: number): string {
  if (!(seconds > 0)) throw new RangeError('The interval must be positive');
  return `${formatBytes(bytes / seconds)}/s`;
}

export interface AxisScale {
  /** The axis top (≥ the data's maximum), a round number. */
  top: number;
  /** Tick values from 0 to `top` inclusive. */
  ticks: number[];
  /** The unit the tick labels use: the top's, so the largest label reads "1 MB", not "1000 kB". */
  unit: UnitChoice;
}

const NICE_FACTORS = [1, 2, 2.5, 5, 10] as const;

/**
 * A y axis from 0 with about `targetTicks` intervals of a "nice" step (1, 2, 2.5 or 5 × 10^k) that
 * covers `max`. A chart with no data or only zeros gets 0..1 B so it still draws.
 */
export function yScale(max: number, targetTicks = 4): AxisScale {
  if (!Number.isFinite(max) || max <= 0) {
    return { top: 1, ticks: [0, 1], unit: { unit: 'B', divisor: 1 } };
  }
  const rough = max / targetTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const factor = NICE_FACTORS.find((f) => f * power >= rough) ?? 10;
  const step = factor * power;
  const intervals = Math.max(1, Math.ceil(max / step - 1e-9));
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => roundTick(i * step));
  const top = roundTick(intervals * step);
  return { top, ticks, unit: pickByteUnit(top) };
}

/** Removes floating-point dust (0.30000000000000004 → 0.3). */
function roundTick(value: number): number {
  return Number(value.toPrecision(12));
}

/** Maps `[d0, d1]` onto `[r0, r1]` linearly. */
export function scaleLinear(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/**
 * An SVG path through the points; a `null` (no data for that bucket) breaks the line rather
 * than drawing it down to zero. A lone point between gaps becomes a tiny segment so it shows.
 */
export function linePath(
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string {
  const parts: string[] = [];
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const command = drawing ? 'L' : 'M';
    parts.push(`${command}${round2(x(index))} ${round2(y(value))}`);
    const next = values[index + 1];
    if (!drawing && (next === null || next === undefined)) {
      parts.push(`h0.01`);
    }
    drawing = true;
  });
  return parts.join(' ');
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const TIME_LABEL = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const DAY_LABEL = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const FULL_LABEL = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "Thu 27 Nov, 14:00 UTC": one bucket's start, for tables and summaries. */
export function formatBucket(date: Date): string {
  return `${FULL_LABEL.format(date)} UTC`;
}

export interface TimeTick {
  index: number;
  label: string;
}

/**
 * Labels for the time axis: every 6 hours ("06:00") over a day or less, every midnight ("27 Nov")
 * over longer spans. Times are UTC whatever the server's zone.
 */
export function timeTicks(buckets: readonly Date[], spanMs: number): TimeTick[] {
  const every = spanMs <= DAY_MS ? 6 * HOUR_MS : DAY_MS;
  const format = spanMs <= DAY_MS ? TIME_LABEL : DAY_LABEL;
  const ticks: TimeTick[] = [];
  buckets.forEach((bucket, index) => {
    if (bucket.getTime() % every === 0) ticks.push({ index, label: format.format(bucket) });
  });
  return ticks;
}
