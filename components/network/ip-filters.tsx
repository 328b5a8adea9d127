import {
  DatacenterFilter,
  FilterField,
  FilterForm,
  HostnameFilter,
  SortFilter,
} from '@/components/ui/filter-form';
import { Select } from '@/components/ui/select';
import type { Datacenter } from '@/lib/gandi/types';
import { isIpListFiltered, type IpListQuery } from '@/lib/validation/network';

const SORT_OPTIONS = [
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
  { value: 'ip', label: 'Address A–Z' },
  { value: '-ip', label: 'Address Z–A' },
];

/** The IP list's filters (VM hostname, version, network, datacenter) and sort, kept in the URL. */
export function IpFilters({
  query,
  datacenters,
}: {
  query: IpListQuery;
  datacenters: Datacenter[];
}) {
  return (
    <FilterForm
      action="/network"
      label="Filter IP addresses"
      filtered={isIpListFiltered(query)}
      filterCount={4}
    >
      <HostnameFilter id="ip-vm" name="vm" label="VM hostname contains" value={query.vm} />
      <FilterField id="ip-version" label="Version">
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
      </FilterField>
      <FilterField id="ip-type" label="Network">
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
      </FilterField>
      <DatacenterFilter id="ip-dc" value={query.dc} datacenters={datacenters} />
      <SortFilter id="ip-sort" value={query.sort} options={SORT_OPTIONS} />
    </FilterForm>
  );
}
