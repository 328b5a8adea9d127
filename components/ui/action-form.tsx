'use client';

import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useTransition,
  type ComponentProps,
  type SubmitEvent,
} from 'react';
import type { ActionState } from '@/lib/action-state';

/** Whether the enclosing `ActionForm` is running its action (read by `SubmitButton`). */
const ActionFormPending = createContext(false);

export function useActionFormPending(): boolean {
  return useContext(ActionFormPending);
}

export interface ActionFormProps extends Omit<ComponentProps<'form'>, 'action'> {
  /** The dispatch function of `useActionState`. */
  action: (formData: FormData) => void;
  /** The state that dispatch produces: the form is cleared only when it turns `ok`. */
  state: ActionState<unknown>;
  /** Clear the uncontrolled fields after a success (default true, as a plain form action does). */
  resetOnSuccess?: boolean;
}

/**
 * The one form every server action goes through. A plain `<form action={fn}>` is reset by React
 * after every submission, success or not, so a refused form lost what was typed (the VLAN form fell
 * back to its first datacenter, sign-in emptied the key). Here the submission runs in a transition
 * of our own: the fields keep their values — in the browser only, the server echoes nothing back,
 * so a secret typed into a field never comes back in HTML — and are cleared only on success.
 * Before hydration the native form action still works (progressive enhancement).
 */
export function ActionForm({
  action,
  state,
  resetOnSuccess = true,
  onSubmit,
  ref,
  children,
  ...props
}: ActionFormProps) {
  const [pending, startPending] = useTransition();
  const formRef = useRef<HTMLFormElement | null>(null);
  const seen = useRef(state);

  useEffect(() => {
    if (seen.current === state) return;
    seen.current = state;
    if (state.status === 'ok' && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    const submitter = event.submitter;
    // A button with an action of its own (`formAction`) is left to React.
    if (event.defaultPrevented || submitter?.hasAttribute('formaction')) return;
    event.preventDefault();
    const formData = new FormData(event.currentTarget, submitter);
    startPending(() => action(formData));
  };

  return (
    <form
      {...props}
      ref={(node) => {
        formRef.current = node;
        if (typeof ref === 'function') return ref(node);
        if (ref) ref.current = node;
      }}
      action={action}
      onSubmit={submit}
    >
      <ActionFormPending value={pending}>{children}</ActionFormPending>
    </form>
  );
}
