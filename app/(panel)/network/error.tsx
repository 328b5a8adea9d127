'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

/** Last resort for this segment: the pages catch upstream failures themselves. */
export default function NetworkError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorPanel
      title="The network pages could not be shown"
      message="Something failed while rendering this page."
      reset={reset}
      digest={error.digest}
    />
  );
}
