import { Badge } from '@/components/ui/badge';

/** Data disk or snapshot (the text says it; the colour only helps). */
export function DiskTypeBadge({ type }: { type: string }) {
  if (type === 'snapshot') return <Badge tone="info">Snapshot</Badge>;
  if (type === 'data') return <Badge>Data</Badge>;
  return <Badge>{type}</Badge>;
}

/** `created` is the normal state; anything else (being created, migrating…) is worth a look. */
export function DiskStateBadge({ state }: { state: string }) {
  const words = state.replace(/_/g, ' ');
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return <Badge tone={state === 'created' ? 'success' : 'warning'}>{label}</Badge>;
}
