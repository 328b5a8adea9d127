import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { FormField } from './form-field';
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
  return (
    <FormField id={id ?? name} label={label} hint={hint} error={error} className={className}>
      {(control) => <Select name={name} {...control} {...props} />}
    </FormField>
  );
}
