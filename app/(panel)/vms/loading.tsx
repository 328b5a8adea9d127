import { TableSkeleton } from '@/components/ui/skeleton';

export default function VmsLoading() {
  return <TableSkeleton label="Loading VMs…" columns={7} />;
}
