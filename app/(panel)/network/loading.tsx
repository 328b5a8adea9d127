import { TableSkeleton } from '@/components/ui/skeleton';

export default function NetworkLoading() {
  return <TableSkeleton label="Loading IP addresses…" columns={7} />;
}
