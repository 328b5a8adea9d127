import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * A native radio (or checkbox) styled as a card: arrow keys move within a radio group, space
 * selects, and the label text is the accessible name.
 */
export function ChoiceCard({
  type = 'radio',
  name,
  value,
  checked,
  disabled,
  onChange,
  title,
  details,
  note,
  describedBy,
}: {
  type?: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked: boolean;
  disabled?: boolean;
  onChange: () => void;
  title: ReactNode;
  details?: ReactNode;
  note?: ReactNode;
  describedBy?: string;
}) {
  return (
    <label
      className={cn(
        'flex cursor-pointer gap-3 rounded-lg border p-3 text-sm transition-colors',
        'has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-600',
        checked
          ? 'border-teal-600 bg-teal-50 dark:border-teal-400 dark:bg-teal-950/40'
          : 'border-zinc-200 bg-white hover:border-zinc-400 dark:border-zinc-700 dark:bg-zinc-900',
        disabled && 'cursor-not-allowed opacity-60 hover:border-zinc-200',
      )}
    >
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        aria-describedby={describedBy}
        className="mt-0.5 size-4 shrink-0 accent-teal-700"
      />
      <span className="min-w-0 space-y-0.5">
        <span className="block font-medium">{title}</span>
        {details ? <span className="block text-zinc-600 dark:text-zinc-400">{details}</span> : null}
        {note ? <span className="block">{note}</span> : null}
      </span>
    </label>
  );
}

export function StepFieldset({
  legend,
  description,
  children,
  errorId,
}: {
  legend: string;
  description?: ReactNode;
  children: ReactNode;
  errorId?: string;
}) {
  return (
    <fieldset className="space-y-3" aria-describedby={errorId}>
      <legend className="text-sm font-medium">{legend}</legend>
      {description ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      ) : null}
      {children}
    </fieldset>
  );
}
