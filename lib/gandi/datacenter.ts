import type { RawDatacenter } from './raw-types';
import { reshapeDatacenter } from './reshape';
import { asListOf, optionsParam, read } from './rpc';
import type { Datacenter, GandiConnection, ListOptions } from './types';

/** `hosting.datacenter.list`: datacenters and whether they accept new resources. */
export function datacenterList(
  conn: GandiConnection,
  options?: ListOptions,
): Promise<Datacenter[]> {
  return read(
    conn,
    'hosting.datacenter.list',
    optionsParam(options),
    asListOf<RawDatacenter, Datacenter>('datacenter', reshapeDatacenter),
  );
}
