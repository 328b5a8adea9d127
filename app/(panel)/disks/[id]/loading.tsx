import { CardSkeleton } from '@/components/ui/skeleton';

export default function DiskLoading() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CardSkeleton label="Loading the disk…" lines={5} />
      <CardSkeleton label="Loading snapshots…" lines={3} />
    </div>
  );
}
