'use client';

import { RouteError } from '@/components/ui/route-error';

/** Last resort for this segment: the pages catch upstream failures themselves. */
export default function VmError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RouteError error={error} reset={reset} what="this VM" />;
}
