import Form from 'next/form';
import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import type { Datacenter } from '@/lib/gandi/types';
import { buttonClasses } from './button';
import { Input } from './input';
import { Select } from './select';

// Whole class names, so Tailwind finds them: a wide search field, N filters, then the buttons.
const GRID_BY_FILTERS = {
  3: 'lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto]',
  4: 'lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_auto]',
} as const;

/**
 * The filter bar of a list page. A GET form: the filters become the URL (shareable, the back
 * button works) and the server pages through the API with them. Submitting resets the page to 1
 * because `page` is not a field.
 */
export function FilterForm({
  action,
  label,
  filtered,
  filterCount,
  submitLabel = 'Apply',
  children,
}: {
  /** The list's path; also what "Clear" goes back to. */
  action: string;
  /** Accessible name of the search landmark, e.g. "Filter VMs". */
  label: string;
  /** Whether any filter is set (shows "Clear"). */
  filtered: boolean;
  /** How many filters follow the search field (for the laptop grid). */
  filterCount: keyof typeof GRID_BY_FILTERS;
  submitLabel?: string;
  children: ReactNode;
}) {
  return (
    <Form
      action={action}
      role="search"
      aria-label={label}
      className={`mb-4 grid gap-3 sm:grid-cols-2 ${GRID_BY_FILTERS[filterCount]}`}
    >
      {children}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses('primary', 'md')}>
          {submitLabel}
        </button>
        {filtered ? (
          <Link href={action} className={buttonClasses('ghost', 'md')}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** One labelled field of a filter bar. */
export function FilterField({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A choice of a filter bar: one of `options`, or any (the `placeholder`, an empty value). */
export function SelectFilter({
  id,
  name,
  label,
  value,
  placeholder,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  placeholder?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <FilterField id={id} label={label}>
      <Select
        id={id}
        name={name}
        defaultValue={value ?? ''}
        placeholder={placeholder}
        options={options}
      />
    </FilterField>
  );
}

/** A typed field of a filter bar (its value from the URL; empty when unset). */
export function TextFilter({
  id,
  name,
  label,
  value,
  ...props
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
} & Omit<ComponentProps<'input'>, 'id' | 'name' | 'value' | 'defaultValue'>) {
  return (
    <FilterField id={id} label={label}>
      <Input id={id} name={name} defaultValue={value ?? ''} {...props} />
    </FilterField>
  );
}

/** The datacenter filter every resource list has (`dc` in the URL). */
export function DatacenterFilter({
  id,
  value,
  datacenters,
}: {
  id: string;
  value: number | undefined;
  datacenters: Datacenter[];
}) {
  return (
    <SelectFilter
      id={id}
      name="dc"
      label="Datacenter"
      value={value ? String(value) : undefined}
      placeholder="Any datacenter"
      options={datacenters.map((dc) => ({
        value: String(dc.id),
        label: `${dc.dcCode ?? dc.name} — ${dc.name}`,
      }))}
    />
  );
}

/** The sort choice of a list (`sort` in the URL). */
export function SortFilter({
  id,
  value,
  options,
}: {
  id: string;
  value: string;
  options: readonly { value: string; label: string }[];
}) {
  return <SelectFilter id={id} name="sort" label="Sort" value={value} options={options} />;
}

/** A "hostname contains" search (VMs by hostname, IPs by their VM's): what a hostname may hold. */
export function HostnameFilter({
  id,
  name,
  label,
  value,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
}) {
  return (
    <TextFilter
      id={id}
      name={name}
      label={label}
      value={value}
      type="search"
      pattern="[A-Za-z0-9.\-]*"
      maxLength={63}
      title="Letters, digits, dots and hyphens"
      placeholder="e.g. web"
    />
  );
}
