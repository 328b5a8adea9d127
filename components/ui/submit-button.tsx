'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from './button';

export interface SubmitButtonProps extends Omit<ButtonProps, 'type'> {
  /** Shown while the form is submitting (default: the children followed by "…"). */
  pendingLabel?: string;
}

/** A submit button that disables itself while its form's action runs (no double submit by click). */
export function SubmitButton({ children, pendingLabel, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
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
