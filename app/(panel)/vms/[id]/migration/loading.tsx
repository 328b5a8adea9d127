import { CardSkeleton } from '@/components/ui/skeleton';

export default function VmMigrationLoading() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CardSkeleton label="Checking where this VM can move…" lines={3} />
      <CardSkeleton label="Loading the migration…" lines={3} />
    </div>
  );
}
