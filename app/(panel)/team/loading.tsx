import { CardSkeleton, Skeleton } from '@/components/ui/skeleton';

/**
 * The team pages' placeholder. The panel has no catch-all loading.tsx any more: a loading boundary
 * above a resource page (`/vms/[id]`…) makes its response stream, and a streamed `notFound()`
 * answers HTTP 200 (Next documents it). List pages and the dashboard stream their data in their
 * own Suspense boundaries instead.
 */
export default function Loading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-8 w-48" />
      <CardSkeleton label="Loading…" />
    </div>
  );
}
