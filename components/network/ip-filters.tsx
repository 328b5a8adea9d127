import {
  DatacenterFilter,
  FilterForm,
  HostnameFilter,
  SelectFilter,
  SortFilter,
} from '@/components/ui/filter-form';
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
      <SelectFilter
        id="ip-version"
        name="version"
        label="Version"
        value={query.version}
        placeholder="Any version"
        options={[
          { value: '4', label: 'IPv4' },
          { value: '6', label: 'IPv6' },
        ]}
      />
      <SelectFilter
        id="ip-type"
        name="type"
        label="Network"
        value={query.type}
        placeholder="Any network"
        options={[
          { value: 'public', label: 'Public' },
          { value: 'private', label: 'Private (VLAN)' },
        ]}
      />
      <DatacenterFilter id="ip-dc" value={query.dc} datacenters={datacenters} />
      <SortFilter id="ip-sort" value={query.sort} options={SORT_OPTIONS} />
    </FilterForm>
  );
}
