/** Display helpers for VM values. Sizes have one formatter for the whole panel (`lib/format-size`). */
export { formatSize as formatMemory } from '@/lib/format-size';

/** kbit/s → "100 Mbit/s" (the API's unit is binary: 102400 kbit/s is sold as 100 Mbit/s). */
export function formatBandwidth(kbps: number): string {
  if (kbps >= 1_048_576) return `${+(kbps / 1_048_576).toFixed(1)} Gbit/s`;
  if (kbps >= 1024) return `${+(kbps / 1024).toFixed(1)} Mbit/s`;
  return `${kbps} kbit/s`;
}

export function formatState(state: string): string {
  const words = state.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** Always UTC, whatever the server's or browser's zone, so server and client render the same. */
export function formatDateTime(date: Date | null): string {
  return date ? `${DATE_TIME.format(date)} UTC` : '—';
}
