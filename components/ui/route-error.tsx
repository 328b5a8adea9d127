'use client';

import { useEffect } from 'react';
import { ErrorPanel } from './error-panel';

/**
 * The body of every error.tsx. In production Next hides a server error's message from the browser
 * (only a digest arrives), so this says what happened in general terms and offers a retry.
 */
export interface ErrorBoundaryProps {
  error: Error & { digest?: string };
  reset: () => void;
}

export function RouteError({ error, reset, what }: ErrorBoundaryProps & { what: string }) {
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

/**
 * A segment's error.tsx, saying what could not be shown: `export default errorBoundaryFor('the
 * VMs')`. The last resort of its segment: the pages catch upstream failures themselves.
 */
export function errorBoundaryFor(what: string) {
  return function ErrorBoundary({ error, reset }: ErrorBoundaryProps) {
    return <RouteError error={error} reset={reset} what={what} />;
  };
}
