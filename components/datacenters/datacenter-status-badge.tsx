import { Badge } from '@/components/ui/badge';
import { datacenterStatus, describeDatacenterStatus } from '@/lib/dal/datacenter-status';
import type { Datacenter } from '@/lib/gandi/types';

export function DatacenterStatusBadge({
  dc,
}: {
  dc: Pick<Datacenter, 'iaasClosedFor' | 'deactivateAt'>;
}) {
  const status = datacenterStatus(dc);
  const tone =
    status.kind === 'open' ? 'success' : status.kind === 'closing' ? 'warning' : 'danger';
  return <Badge tone={tone}>{describeDatacenterStatus(status)}</Badge>;
}
