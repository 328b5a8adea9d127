import Form from 'next/form';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { Datacenter } from '@/lib/gandi/types';
import { DISK_NAME_MAX_LENGTH } from '@/lib/validation/disk';
import type { DiskListQuery } from '@/lib/validation/disk-list-query';

const SORT_OPTIONS = [
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: '-size', label: 'Largest first' },
  { value: 'size', label: 'Smallest first' },
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
];

const TYPE_OPTIONS = [
  { value: 'data', label: 'Data disks' },
  { value: 'snapshot', label: 'Snapshots' },
];

/**
 * A GET form: the filters become the URL (shareable, back button works) and the server pages
 * through the API with them. Submitting resets the page to 1 because `page` is not a field.
 */
export function DiskFilters({
  query,
  datacenters,
}: {
  query: DiskListQuery;
  datacenters: Datacenter[];
}) {
  const filtered = Boolean(query.type || query.dc || query.q);
  return (
    <Form
      action="/disks"
      role="search"
      aria-label="Filter disks"
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto]"
    >
      <div className="space-y-1">
        <label htmlFor="disk-q" className="block text-xs font-medium">
          Name contains
        </label>
        <Input
          id="disk-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          pattern="[A-Za-z0-9._\-]*"
          maxLength={DISK_NAME_MAX_LENGTH}
          title="Letters, digits, dots, hyphens and underscores"
          placeholder="e.g. data"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="disk-type" className="block text-xs font-medium">
          Type
        </label>
        <Select
          id="disk-type"
          name="type"
          defaultValue={query.type ?? ''}
          placeholder="Any type"
          options={TYPE_OPTIONS}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="disk-dc" className="block text-xs font-medium">
          Datacenter
        </label>
        <Select
          id="disk-dc"
          name="dc"
          defaultValue={query.dc ? String(query.dc) : ''}
          placeholder="Any datacenter"
          options={datacenters.map((dc) => ({
            value: String(dc.id),
            label: `${dc.dcCode ?? dc.name} — ${dc.name}`,
          }))}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="disk-sort" className="block text-xs font-medium">
          Sort
        </label>
        <Select id="disk-sort" name="sort" defaultValue={query.sort} options={SORT_OPTIONS} />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses('primary', 'md')}>
          Apply
        </button>
        {filtered ? (
          <Link href="/disks" className={buttonClasses('ghost', 'md')}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
