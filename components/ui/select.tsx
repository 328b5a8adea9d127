import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { FieldError, fieldErrorId } from './field-error';
import { controlClasses } from './input';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<ComponentProps<'select'>, 'children'> {
  options: readonly SelectOption[];
  /** A first, empty-valued option (e.g. "All datacenters"). */
  placeholder?: string;
}

/** A bare styled select. */
export function Select({ options, placeholder, className, ...props }: SelectProps) {
  return (
    <select className={cn(controlClasses, 'pr-8', className)} {...props}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export interface SelectFieldProps extends Omit<SelectProps, 'name' | 'id'> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
}

/** Label + select + hint + live error line. */
export function SelectField({
  name,
  label,
  hint,
  error,
  id,
  className,
  ...props
}: SelectFieldProps) {
  const selectId = id ?? name;
  const errorId = fieldErrorId(selectId);
  const hintId = hint ? `${selectId}-hint` : undefined;
  return (
    <div className={cn('space-y-1', className)}>
      <label
        htmlFor={selectId}
        className="block text-sm font-medium text-zinc-800 dark:text-zinc-200"
      >
        {label}
      </label>
      <Select
        id={selectId}
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
