import { CardSkeleton } from '@/components/ui/skeleton';

export default function VmConsoleLoading() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CardSkeleton label="Loading the console settings…" lines={3} />
      <CardSkeleton label="Loading the prerequisites…" lines={3} />
    </div>
  );
}
