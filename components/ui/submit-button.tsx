'use client';

import { useFormStatus } from 'react-dom';
import { useActionFormPending } from './action-form';
import { Button, type ButtonProps } from './button';

export interface SubmitButtonProps extends Omit<ButtonProps, 'type'> {
  /** Shown while the form is submitting (default: the children followed by "…"). */
  pendingLabel?: string;
}

/** A submit button that disables itself while its form's action runs (no double submit by click). */
export function SubmitButton({ children, pendingLabel, disabled, ...props }: SubmitButtonProps) {
  const { pending: nativePending } = useFormStatus();
  const ownPending = useActionFormPending();
  const pending = nativePending || ownPending;
  return (
    <Button
      type="submit"
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? (pendingLabel ?? <>{children}…</>) : children}
    </Button>
  );
}
