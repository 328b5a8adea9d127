import { CardSkeleton } from '@/components/ui/skeleton';

export default function VmLoading() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CardSkeleton label="Loading the VM…" lines={4} />
      <CardSkeleton label="Loading disks and interfaces…" lines={4} />
    </div>
  );
}
