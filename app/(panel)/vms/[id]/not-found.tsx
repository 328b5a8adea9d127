import { EmptyState } from '@/components/ui/empty-state';

export default function VmNotFound() {
  return (
    <EmptyState
      titleAs="h1"
      title="This VM does not exist"
      description="It may have been deleted, or it belongs to another account."
      action={{ href: '/vms', label: 'Back to the VM list' }}
    />
  );
}
