import { TableSkeleton } from '@/components/ui/skeleton';

export default function VlansLoading() {
  return <TableSkeleton label="Loading VLANs…" columns={5} />;
}
