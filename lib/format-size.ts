/**
 * Memory and disk sizes for people, one way across the panel. The API counts in MB (binary:
 * 1024 MB is sold as 1 GB): whole gigabytes read "4 GB", others one decimal ("1.5 GB"), and
 * below a gigabyte MB stay ("512 MB").
 */
const GB = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const MB = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function formatSize(mb: number): string {
  if (!Number.isFinite(mb)) return '—';
  if (Math.abs(mb) >= 1024) return `${GB.format(mb / 1024)} GB`;
  return `${MB.format(mb)} MB`;
}
