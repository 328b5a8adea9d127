import { TableSkeleton } from '@/components/ui/skeleton';

export default function DisksLoading() {
  return <TableSkeleton label="Loading disks…" columns={7} />;
}
