import { CardSkeleton } from '@/components/ui/skeleton';

export default function LoadBalancerLoading() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CardSkeleton label="Loading the load balancer…" lines={4} />
      <CardSkeleton label="Loading its backends…" lines={4} />
    </div>
  );
}
