import { EmptyState } from '@/components/ui/empty-state';

export default function LoadBalancerNotFound() {
  return (
    <EmptyState
      titleAs="h1"
      title="This load balancer does not exist"
      description="It may have been deleted, or it belongs to another account."
      action={{ href: '/load-balancers', label: 'Back to the load balancers' }}
    />
  );
}
