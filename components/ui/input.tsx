import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { FieldError, fieldErrorId } from './field-error';

export const controlClasses = cn(
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs',
  'placeholder:text-zinc-400 aria-invalid:border-red-600',
  'disabled:cursor-not-allowed disabled:bg-zinc-100',
  'dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:disabled:bg-zinc-800',
);

/** A bare styled input (label it yourself, or use `TextField`). */
export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(controlClasses, className)} {...props} />;
}

export interface TextFieldProps extends Omit<ComponentProps<'input'>, 'name' | 'id'> {
  name: string;
  label: ReactNode;
  /** A help line under the field. */
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
}

/** Label + input + hint + live error line, wired with aria-describedby/aria-invalid. */
export function TextField({ name, label, hint, error, id, className, ...props }: TextFieldProps) {
  const inputId = id ?? name;
  const errorId = fieldErrorId(inputId);
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className={cn('space-y-1', className)}>
      <label
        htmlFor={inputId}
        className="block text-sm font-medium text-zinc-800 dark:text-zinc-200"
      >
        {label}
      </label>
      <Input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={cn(hintId, errorId)}
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
