import { CardSkeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <CardSkeleton label="Loading the sign-in form…" />
      </div>
    </main>
  );
}
