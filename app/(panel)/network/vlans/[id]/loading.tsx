import { CardSkeleton } from '@/components/ui/skeleton';

export default function VlanLoading() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CardSkeleton label="Loading the VLAN…" lines={4} />
      <CardSkeleton label="Loading its interfaces…" lines={4} />
    </div>
  );
}
