import {
  DatacenterFilter,
  FilterForm,
  SelectFilter,
  SortFilter,
  TextFilter,
} from '@/components/ui/filter-form';
import type { Datacenter } from '@/lib/gandi/types';
import { DISK_NAME_MAX_LENGTH } from '@/lib/validation/disk';
import { isDiskListFiltered, type DiskListQuery } from '@/lib/validation/disk-list-query';

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

/** The disk list's filters (name, type, datacenter) and sort, kept in the URL. */
export function DiskFilters({
  query,
  datacenters,
}: {
  query: DiskListQuery;
  datacenters: Datacenter[];
}) {
  return (
    <FilterForm
      action="/disks"
      label="Filter disks"
      filtered={isDiskListFiltered(query)}
      filterCount={3}
    >
      <TextFilter
        id="disk-q"
        name="q"
        label="Name contains"
        value={query.q}
        type="search"
        pattern="[A-Za-z0-9._\-]*"
        maxLength={DISK_NAME_MAX_LENGTH}
        title="Letters, digits, dots, hyphens and underscores"
        placeholder="e.g. data"
      />
      <SelectFilter
        id="disk-type"
        name="type"
        label="Type"
        value={query.type}
        placeholder="Any type"
        options={TYPE_OPTIONS}
      />
      <DatacenterFilter id="disk-dc" value={query.dc} datacenters={datacenters} />
      <SortFilter id="disk-sort" value={query.sort} options={SORT_OPTIONS} />
    </FilterForm>
  );
}
