'use client';

import { useEffect } from 'react';
import { ErrorPanel } from './error-panel';

/**
 * The body of every error.tsx. In production Next hides a server error's message from the browser
 * (only a digest arrives), so this says what happened in general terms and offers a retry.
 */
export function RouteError({
  error,
  reset,
  what,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what: string;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <ErrorPanel
      title={`Could not show ${what}`}
      message="The panel or the Gandi API had a problem answering. Your resources are unaffected; try again in a moment."
      reset={reset}
      digest={error.digest}
    />
  );
}
