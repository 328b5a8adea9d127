import { EmptyState } from '@/components/ui/empty-state';

export default function DiskNotFound() {
  return (
    <EmptyState
      titleAs="h1"
      title="This disk does not exist"
      description="It may have been deleted, or it belongs to another account."
      action={{ href: '/disks', label: 'Back to the disk list' }}
    />
  );
}
