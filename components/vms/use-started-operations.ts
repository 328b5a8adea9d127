'use client';

import { useActionState, useCallback, useEffect, useRef } from 'react';
import { idleState, type ActionState } from '@/lib/action-state';

type StateAction<T> = (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * `useActionState` that hands each successful result to `onStarted` (to follow the operations it
 * started live) as soon as the action resolves. Not from an effect of this component: the page the
 * action re-renders may no longer contain the form (a stopped VM shows Start instead of Stop, a
 * renamed one a new form), and an unmounted form's effects never run — the operations would then
 * be neither shown nor announced.
 */
export function useStartedActionState<T>(
  action: StateAction<T>,
  /**
   * Gets the result and what was submitted. It is the callback of the last committed render: read
   * what the submission itself set (state set in a form action commits only once it ends) from
   * `formData`.
   */
  onStarted: (data: T, formData: FormData) => void,
): [state: ActionState<T>, dispatch: (formData: FormData) => void, pending: boolean] {
  const callback = useRef(onStarted);
  useEffect(() => {
    callback.current = onStarted;
  });
  const reporting = useCallback<StateAction<T>>(
    async (prev, formData) => {
      const next = await action(prev, formData);
      if (next.status === 'ok') callback.current(next.data, formData);
      return next;
    },
    [action],
  );
  return useActionState(reporting, idleState);
}
