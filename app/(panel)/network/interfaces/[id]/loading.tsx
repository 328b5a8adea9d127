import { CardSkeleton } from '@/components/ui/skeleton';

export default function InterfaceLoading() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <CardSkeleton label="Loading the interface…" lines={4} />
      <CardSkeleton label="Loading its actions…" lines={4} />
    </div>
  );
}
