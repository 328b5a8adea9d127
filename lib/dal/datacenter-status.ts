import { formatUtcDate } from '@/lib/format-date';
import type { Datacenter } from '@/lib/gandi/types';

export type DatacenterStatus =
  { kind: 'open' } | { kind: 'closing'; on: Date | null } | { kind: 'closed' };

/**
 * NONE → open; NEW → closing (no new customers; closes on `deactivate_at` when known);
 * ALL → closed.
 */
export function datacenterStatus(
  dc: Pick<Datacenter, 'iaasClosedFor' | 'deactivateAt'>,
): DatacenterStatus {
  switch (dc.iaasClosedFor) {
    case 'ALL':
      return { kind: 'closed' };
    case 'NEW':
      return { kind: 'closing', on: dc.deactivateAt };
    default:
      return { kind: 'open' };
  }
}

export { formatUtcDate };

export function describeDatacenterStatus(status: DatacenterStatus): string {
  switch (status.kind) {
    case 'open':
      return 'Open';
    case 'closed':
      return 'Closed';
    case 'closing':
      return status.on ? `Closing on ${formatUtcDate(status.on)}` : 'Closing (no new resources)';
  }
}
