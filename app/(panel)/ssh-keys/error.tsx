'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

/** Last resort for this segment: the page catches upstream failures itself. */
export default function SshKeysError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorPanel
      title="The SSH keys could not be shown"
      message="Something failed while rendering this page."
      reset={reset}
      digest={error.digest}
    />
  );
}
