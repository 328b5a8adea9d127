import Form from 'next/form';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { Datacenter } from '@/lib/gandi/types';
import type { IpListQuery } from '@/lib/validation/network';

const SORT_OPTIONS = [
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
  { value: 'ip', label: 'Address A–Z' },
  { value: '-ip', label: 'Address Z–A' },
];

/** A GET form: the filters become the URL, and the server pages through the API with them. */
export function IpFilters({
  query,
  datacenters,
}: {
  query: IpListQuery;
  datacenters: Datacenter[];
}) {
  const filtered = Boolean(query.version || query.type || query.dc || query.vm);
  return (
    <Form
      action="/network"
      role="search"
      aria-label="Filter IP addresses"
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_auto]"
    >
      <div className="space-y-1">
        <label htmlFor="ip-vm" className="block text-xs font-medium">
          VM hostname contains
        </label>
        <Input
          id="ip-vm"
          name="vm"
          type="search"
          defaultValue={query.vm ?? ''}
          pattern="[A-Za-z0-9.\-]*"
          maxLength={63}
          title="Letters, digits, dots and hyphens"
          placeholder="e.g. web"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="ip-version" className="block text-xs font-medium">
          Version
        </label>
        <Select
          id="ip-version"
          name="version"
          defaultValue={query.version ?? ''}
          placeholder="Any version"
          options={[
            { value: '4', label: 'IPv4' },
            { value: '6', label: 'IPv6' },
          ]}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="ip-type" className="block text-xs font-medium">
          Network
        </label>
        <Select
          id="ip-type"
          name="type"
          defaultValue={query.type ?? ''}
          placeholder="Any network"
          options={[
            { value: 'public', label: 'Public' },
            { value: 'private', label: 'Private (VLAN)' },
          ]}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="ip-dc" className="block text-xs font-medium">
          Datacenter
        </label>
        <Select
          id="ip-dc"
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
        <label htmlFor="ip-sort" className="block text-xs font-medium">
          Sort
        </label>
        <Select id="ip-sort" name="sort" defaultValue={query.sort} options={SORT_OPTIONS} />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses('primary', 'md')}>
          Apply
        </button>
        {filtered ? (
          <Link href="/network" className={buttonClasses('ghost', 'md')}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
