'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

/** Last resort for this segment: the page shows upstream failures in place itself. */
export default function VmMigrationError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorPanel
      title="The migration page could not be shown"
      message="Something failed while rendering this page."
      reset={reset}
      digest={error.digest}
    />
  );
}
