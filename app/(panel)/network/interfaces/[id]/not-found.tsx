import { EmptyState } from '@/components/ui/empty-state';

export default function InterfaceNotFound() {
  return (
    <EmptyState
      titleAs="h1"
      title="This interface does not exist"
      description="It may have been deleted, or it belongs to another account."
      action={{ href: '/network', label: 'Back to the IP addresses' }}
    />
  );
}
