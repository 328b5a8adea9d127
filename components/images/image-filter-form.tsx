'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import type { ImageFilters } from '@/lib/validation/image-filters';

export interface ImageFilterFormProps {
  filters: ImageFilters;
  datacenters: SelectOption[];
  systems: string[];
  arches: string[];
}

/** Keeps only meaningful values, so the shared URL is short and canonical. */
function toSearch(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if ((key === 'sort' && value === 'label') || (key === 'dir' && value === 'asc')) continue;
    params.set(key, value.trim());
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The filters live in the URL: a plain GET form (works without JavaScript), enhanced to navigate
 * client-side and to apply a select or checkbox as soon as it changes.
 */
export function ImageFilterForm({ filters, datacenters, systems, arches }: ImageFilterFormProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const apply = (form: HTMLFormElement) =>
    startTransition(() => router.push(`${pathname}${toSearch(form)}`));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    // Text applies on Enter / the button; choices apply at once.
    if (
      (event.target as HTMLElement).tagName !== 'INPUT' ||
      (event.target as HTMLInputElement).type === 'checkbox'
    ) {
      apply(event.currentTarget);
    }
  };
  // `key` re-mounts the uncontrolled fields when the URL changes (back/forward, shared links).
  const key = JSON.stringify(filters);
  return (
    <form
      key={key}
      method="get"
      role="search"
      aria-label="Filter images"
      onSubmit={onSubmit}
      onChange={onChange}
      aria-busy={pending || undefined}
      className="mb-4 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label className="space-y-1 text-sm lg:col-span-2">
        <span className="block font-medium">Label contains</span>
        <Input name="q" type="search" defaultValue={filters.q ?? ''} placeholder="e.g. Debian" />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Datacenter</span>
        <Select
          name="dc"
          defaultValue={filters.dc ? String(filters.dc) : ''}
          placeholder="All datacenters"
          options={datacenters}
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">OS family</span>
        <Select
          name="os"
          defaultValue={filters.os ?? ''}
          placeholder="All families"
          options={systems.map((system) => ({ value: system, label: system }))}
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Architecture</span>
        <Select
          name="arch"
          defaultValue={filters.arch ?? ''}
          placeholder="All architectures"
          options={arches.map((arch) => ({ value: arch, label: arch }))}
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Sort by</span>
        <Select
          name="sort"
          defaultValue={filters.sort}
          options={[
            { value: 'label', label: 'Label' },
            { value: 'date', label: 'Date' },
            { value: 'size', label: 'Size' },
          ]}
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">Order</span>
        <Select
          name="dir"
          defaultValue={filters.dir}
          options={[
            { value: 'asc', label: 'Ascending' },
            { value: 'desc', label: 'Descending' },
          ]}
        />
      </label>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input
          type="checkbox"
          name="deprecated"
          value="1"
          defaultChecked={filters.deprecated}
          className="size-4"
        />
        Show deprecated images
      </label>
      <div className="flex items-end gap-2 lg:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Applying…' : 'Apply filters'}
        </Button>
        <Button variant="ghost" onClick={() => startTransition(() => router.push(pathname))}>
          Reset
        </Button>
      </div>
    </form>
  );
}
