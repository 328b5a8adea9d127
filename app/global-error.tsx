'use client';

import { RouteError } from '@/components/ui/route-error';
import './globals.css';

/**
 * When the root layout itself fails. The panel's own error page rather than Next's default, whose
 * inline styles and icon would be one more script in every page's first load.
 */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <main id="main" className="mx-auto max-w-xl px-4 py-16">
          <RouteError error={error} reset={reset} what="the panel" />
        </main>
      </body>
    </html>
  );
}
