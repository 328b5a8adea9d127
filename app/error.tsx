'use client';

import { RouteError } from '@/components/ui/route-error';

export default function ErrorBoundary({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <RouteError error={error} reset={reset} what="this page" />
    </main>
  );
}
