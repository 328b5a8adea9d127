import { CardSkeleton } from '@/components/ui/skeleton';

export default function VmMetricsLoading() {
  return (
    <div className="space-y-4">
      <CardSkeleton label="Loading network traffic…" lines={6} />
      <CardSkeleton label="Loading disk I/O…" lines={6} />
    </div>
  );
}
