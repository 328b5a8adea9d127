/** Dates for people, one way across the panel: "25 Dec 2017", in UTC whatever the server's zone. */
const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatUtcDate(date: Date | string): string {
  return DAY.format(typeof date === 'string' ? new Date(date) : date);
}

/** "25 Dec 2017, 14:05 UTC" */
export function formatUtcDateTime(date: Date | string): string {
  const iso = (typeof date === 'string' ? new Date(date) : date).toISOString();
  return `${formatUtcDate(date)}, ${iso.slice(11, 16)} UTC`;
}
