import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { FormField } from './form-field';

export const controlClasses = cn(
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs',
  'placeholder:text-zinc-500 aria-invalid:border-red-600 dark:placeholder:text-zinc-400',
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
  return (
    <FormField id={id ?? name} label={label} hint={hint} error={error} className={className}>
      {(control) => <Input name={name} {...control} {...props} />}
    </FormField>
  );
}
