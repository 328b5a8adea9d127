import {
  DatacenterFilter,
  FilterField,
  FilterForm,
  HostnameFilter,
  SortFilter,
} from '@/components/ui/filter-form';
import { Select } from '@/components/ui/select';
import type { Datacenter } from '@/lib/gandi/types';
import { isVmListFiltered, VM_STATES, type VmListQuery } from '@/lib/validation/vm';
import { formatState } from './format';

const SORT_OPTIONS = [
  { value: 'hostname', label: 'Hostname A–Z' },
  { value: '-hostname', label: 'Hostname Z–A' },
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
  { value: '-memory', label: 'Most memory' },
  { value: 'memory', label: 'Least memory' },
];

/** The VM list's filters (hostname, state, datacenter) and sort, kept in the URL. */
export function VmFilters({
  query,
  datacenters,
}: {
  query: VmListQuery;
  datacenters: Datacenter[];
}) {
  return (
    <FilterForm action="/vms" label="Filter VMs" filtered={isVmListFiltered(query)} filterCount={3}>
      <HostnameFilter id="vm-q" name="q" label="Hostname contains" value={query.q} />
      <FilterField id="vm-state" label="State">
        <Select
          id="vm-state"
          name="state"
          defaultValue={query.state ?? ''}
          placeholder="Any state"
          options={VM_STATES.map((state) => ({ value: state, label: formatState(state) }))}
        />
      </FilterField>
      <DatacenterFilter id="vm-dc" value={query.dc} datacenters={datacenters} />
      <SortFilter id="vm-sort" value={query.sort} options={SORT_OPTIONS} />
    </FilterForm>
  );
}
