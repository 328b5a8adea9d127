'use client';

import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/action-state';
import type { StartedOperations } from '@/lib/dal/vm-mutations';

/**
 * Calls `onStarted` once for each successful action result (a new `ok` state object), so the
 * operations it started can be followed live.
 */
export function useOnStarted<T extends StartedOperations>(
  state: ActionState<T>,
  onStarted: (data: T) => void,
): void {
  const seen = useRef<ActionState<T> | null>(null);
  const callback = useRef(onStarted);
  useEffect(() => {
    callback.current = onStarted;
  });
  useEffect(() => {
    if (state.status !== 'ok' || seen.current === state) return;
    seen.current = state;
    callback.current(state.data);
  }, [state]);
}
