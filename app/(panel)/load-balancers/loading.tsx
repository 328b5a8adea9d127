import { TableSkeleton } from '@/components/ui/skeleton';

export default function LoadBalancersLoading() {
  return <TableSkeleton label="Loading load balancers…" columns={5} />;
}
