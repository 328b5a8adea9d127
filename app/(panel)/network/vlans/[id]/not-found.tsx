import { EmptyState } from '@/components/ui/empty-state';

export default function VlanNotFound() {
  return (
    <EmptyState
      titleAs="h1"
      title="This VLAN does not exist"
      description="It may have been deleted, or it belongs to another account."
      action={{ href: '/network/vlans', label: 'Back to the VLANs' }}
    />
  );
}
