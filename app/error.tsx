'use client';

import { RouteError, type ErrorBoundaryProps } from '@/components/ui/route-error';

export default function ErrorBoundary({ error, reset }: ErrorBoundaryProps) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <RouteError error={error} reset={reset} what="this page" />
    </main>
  );
}
