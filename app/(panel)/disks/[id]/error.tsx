'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

/** Last resort for this segment: the page catches upstream failures itself. */
export default function DiskError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorPanel
      title="This disk could not be shown"
      message="Something failed while rendering this page."
      reset={reset}
      digest={error.digest}
    />
  );
}
