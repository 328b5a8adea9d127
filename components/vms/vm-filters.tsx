import Form from 'next/form';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { Datacenter } from '@/lib/gandi/types';
import { VM_STATES, type VmListQuery } from '@/lib/validation/vm';
import { formatState } from './format';

const SORT_OPTIONS = [
  { value: 'hostname', label: 'Hostname A–Z' },
  { value: '-hostname', label: 'Hostname Z–A' },
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
  { value: '-memory', label: 'Most memory' },
  { value: 'memory', label: 'Least memory' },
];

/**
 * A GET form: the filters become the URL (shareable, back button works) and the server pages
 * through the API with them. Submitting resets the page to 1 because `page` is not a field.
 */
export function VmFilters({
  query,
  datacenters,
}: {
  query: VmListQuery;
  datacenters: Datacenter[];
}) {
  const filtered = Boolean(query.state || query.dc || query.q);
  return (
    <Form
      action="/vms"
      role="search"
      aria-label="Filter VMs"
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto]"
    >
      <div className="space-y-1">
        <label htmlFor="vm-q" className="block text-xs font-medium">
          Hostname contains
        </label>
        <Input
          id="vm-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          pattern="[A-Za-z0-9.\-]*"
          maxLength={63}
          title="Letters, digits, dots and hyphens"
          placeholder="e.g. web"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="vm-state" className="block text-xs font-medium">
          State
        </label>
        <Select
          id="vm-state"
          name="state"
          defaultValue={query.state ?? ''}
          placeholder="Any state"
          options={VM_STATES.map((state) => ({ value: state, label: formatState(state) }))}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="vm-dc" className="block text-xs font-medium">
          Datacenter
        </label>
        <Select
          id="vm-dc"
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
        <label htmlFor="vm-sort" className="block text-xs font-medium">
          Sort
        </label>
        <Select id="vm-sort" name="sort" defaultValue={query.sort} options={SORT_OPTIONS} />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses('primary', 'md')}>
          Apply
        </button>
        {filtered ? (
          <Link href="/vms" className={buttonClasses('ghost', 'md')}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
