'use client';

import { useEffect, useRef } from 'react';

export interface Backoff {
  first: number;
  max: number;
  factor: number;
}

/**
 * Calls `run` after `first` ms, then after each wait `factor`× longer, up to `max` — skipped while
 * the tab is hidden (the schedule goes on). Stops on unmount; the latest `run` is the one called.
 */
export function useBackoff(run: () => void, backoff: Backoff): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  const { first, max, factor } = backoff;
  useEffect(() => {
    let delay = first;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer = setTimeout(() => {
        if (document.visibilityState === 'visible') runRef.current();
        delay = Math.min(max, delay * factor);
        schedule();
      }, delay);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [first, max, factor]);
}
